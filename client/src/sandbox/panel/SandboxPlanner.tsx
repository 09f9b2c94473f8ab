import { useEffect } from 'react'

import { SandboxButton } from './SandboxButton.tsx'
import { SandboxPanel } from './SandboxPanel.tsx'
import { closeSandbox, useSandbox } from './sandboxStore.ts'
import { useSandboxTriggers } from './useSandboxTriggers.ts'

/** The wealth planner in the HUD: its button, its triggers (P, `atrium:open-sandbox`) and the panel. */
export function SandboxPlanner() {
  useSandboxTriggers()
  const open = useSandbox((s) => s.open)
  // leaving the branch closes the planner
  useEffect(() => closeSandbox, [])
  return (
    <>
      <SandboxButton />
      {open && <SandboxPanel />}
    </>
  )
}

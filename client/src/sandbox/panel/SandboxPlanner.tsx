import { useEffect } from 'react'

import { leaveShared } from '../shared/ShareConnection.ts'
import { OwnerSync } from '../shared/OwnerSync.tsx'
import { useShare } from '../shared/shareStore.ts'
import { SandboxButton } from './SandboxButton.tsx'
import { SandboxPanel } from './SandboxPanel.tsx'
import { closeSandbox, useSandbox } from './sandboxStore.ts'
import { useSandboxTriggers } from './useSandboxTriggers.ts'

/** The wealth planner in the HUD: its button, its triggers (P, `atrium:open-sandbox`) and the panel. */
export function SandboxPlanner() {
  useSandboxTriggers()
  const open = useSandbox((s) => s.open)
  const owner = useShare((s) => s.status === 'joined' && s.role === 'owner')
  // leaving the branch closes the planner and leaves any shared session
  useEffect(
    () => () => {
      closeSandbox()
      void leaveShared()
    },
    [],
  )
  return (
    <>
      <SandboxButton />
      {/* the owner's edits reach the shared session even with the panel closed (the 3D hall edits the same plan) */}
      {owner && <OwnerSync />}
      {open && <SandboxPanel />}
    </>
  )
}

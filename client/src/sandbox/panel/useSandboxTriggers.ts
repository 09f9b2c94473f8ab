import { useEffect } from 'react'

import { closeSandbox, openSandbox, useSandbox } from './sandboxStore.ts'

/** The DOM event that opens the planner (the host's open_sandbox intent can dispatch it on `window`). */
export const OPEN_SANDBOX_EVENT = 'atrium:open-sandbox'

/** True when a key goes to a form field, where it is input, not a command. */
function typing(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null
  return (
    !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
  )
}

/** Opens the planner on P and on `atrium:open-sandbox`; Escape closes it when keys are not going to a field. */
export function useSandboxTriggers(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return
      if (e.code === 'KeyP') {
        e.preventDefault()
        if (useSandbox.getState().open) closeSandbox()
        else openSandbox()
      } else if (e.code === 'Escape' && useSandbox.getState().open) closeSandbox()
    }
    const onOpen = () => openSandbox()
    window.addEventListener('keydown', onKey)
    window.addEventListener(OPEN_SANDBOX_EVENT, onOpen)
    return () => {
      window.removeEventListener('keydown', onKey)
      window.removeEventListener(OPEN_SANDBOX_EVENT, onOpen)
    }
  }, [])
}

import { useEffect } from 'react'

import { closeHostPanel, openHostPanel, useHostChat } from './hostChatStore.ts'

/** The DOM event the 3D host dispatches on `window` when it is clicked. */
export const OPEN_HOST_EVENT = 'atrium:open-host'

/** True when a key goes to a form field, where it is text, not a command. */
function typing(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null
  return (
    !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
  )
}

/**
 * Opens the host panel on H, on the `atrium:open-host` event, and closes it on Escape when the
 * keys are not going to another field.
 */
export function useHostTriggers(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return
      if (e.code === 'KeyH') {
        e.preventDefault()
        // already open: H takes the visitor back to the question field
        if (useHostChat.getState().open) document.getElementById('host-input')?.focus()
        else openHostPanel()
      } else if (e.code === 'Escape' && useHostChat.getState().open) closeHostPanel()
    }
    const onOpen = () => openHostPanel()
    window.addEventListener('keydown', onKey)
    window.addEventListener(OPEN_HOST_EVENT, onOpen)
    return () => {
      window.removeEventListener('keydown', onKey)
      window.removeEventListener(OPEN_HOST_EVENT, onOpen)
    }
  }, [])
}

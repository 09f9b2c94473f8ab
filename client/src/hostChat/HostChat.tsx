import { useEffect } from 'react'

import { closeHostPanel } from './hostChatStore.ts'
import { HostPanel } from './HostPanel.tsx'
import { HostPrompt } from './HostPrompt.tsx'
import { HostSubtitle } from './HostSubtitle.tsx'
import { useHostTriggers } from './useHostTriggers.ts'
import { useNearHost } from './useNearHost.ts'

/** Everything of the host conversation that lives in the HUD: triggers, the prompt, the panel, subtitles. */
export function HostChat() {
  useHostTriggers()
  useNearHost()
  // leaving the branch closes the panel, so the next visit starts with the view clear
  useEffect(() => closeHostPanel, [])
  return (
    <>
      <HostPrompt />
      <HostPanel />
      <HostSubtitle />
    </>
  )
}

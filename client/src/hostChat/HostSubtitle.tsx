import { useHostChat } from './hostChatStore.ts'

/**
 * The host's current line in large type while it speaks. Hidden from screen readers, which hear
 * the same line from the panel's live region.
 */
export function HostSubtitle() {
  const subtitle = useHostChat((s) => s.subtitle)
  const panelOpen = useHostChat((s) => s.open)
  if (!subtitle) return null
  return (
    <p
      className={panelOpen ? 'host-subtitle beside-panel' : 'host-subtitle'}
      aria-hidden
      data-subtitle-id={subtitle.id}
    >
      {subtitle.text}
    </p>
  )
}

import { useTranslation } from 'react-i18next'

import { openHostPanel, useHostChat } from './hostChatStore.ts'

/** HUD button that opens the conversation with the host (H does the same). */
export function AskHostButton() {
  const { t } = useTranslation()
  const open = useHostChat((s) => s.open)
  return (
    <button
      id="hud-host"
      type="button"
      aria-keyshortcuts="H"
      aria-expanded={open}
      aria-controls={open ? 'host-panel' : undefined}
      onClick={openHostPanel}
    >
      {t('host.open')} <kbd aria-hidden>H</kbd>
    </button>
  )
}

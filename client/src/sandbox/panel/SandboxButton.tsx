import { useTranslation } from 'react-i18next'

import { openSandbox, useSandbox } from './sandboxStore.ts'

/** HUD button that opens the wealth planner (P does the same). */
export function SandboxButton() {
  const { t } = useTranslation()
  const open = useSandbox((s) => s.open)
  return (
    <button
      id="hud-sandbox"
      type="button"
      aria-keyshortcuts="P"
      aria-expanded={open}
      aria-controls={open ? 'sandbox-panel' : undefined}
      onClick={openSandbox}
    >
      {t('sandbox.open')} <kbd aria-hidden>P</kbd>
    </button>
  )
}

import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

import { useSession } from '../auth/useSession.ts'
import { useAppStore } from '../state/useAppStore.ts'

const toggle = () => useAppStore.getState().set({ accountOpen: !useAppStore.getState().accountOpen })

/** HUD button for the account panel of a signed-in visitor; the U key opens it too. */
export function AccountButton() {
  const { t } = useTranslation()
  const signedIn = useSession((s) => s.status === 'signedIn')

  useEffect(() => {
    if (!signedIn) return
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null
      if (el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable)) return
      if (e.code === 'KeyU' && !e.ctrlKey && !e.metaKey && !e.altKey) toggle()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [signedIn])

  if (!signedIn) return null
  return (
    <button id="hud-account" type="button" aria-keyshortcuts="U" aria-haspopup="dialog" onClick={toggle}>
      {t('account.open')} <kbd aria-hidden>U</kbd>
    </button>
  )
}

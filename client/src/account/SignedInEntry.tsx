import { AVATAR_COLORS, unpackLook, type AccountView } from '@atrium/common'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { signOut } from '../auth/authApi.ts'
import { errorMessage, type Message } from '../auth/errorMessage.ts'
import { useAppStore } from '../state/useAppStore.ts'
import { ErrorText } from './ErrorText.tsx'

/** The join screen of a signed-in person: enter with the account, open the account panel, or sign out. */
export function SignedInEntry({ user, onJoin }: { user: AccountView; onJoin: () => Promise<void> }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<Message>()
  const joinError = useAppStore((s) => s.joinError)

  const enter = async () => {
    setBusy(true)
    setError(undefined)
    try {
      await onJoin()
    } catch (e) {
      setError(errorMessage(e))
      setBusy(false)
    }
  }

  return (
    <section className="signed-in" aria-labelledby="signed-in-name">
      <p className="who">
        <span className="chip" style={{ background: AVATAR_COLORS[unpackLook(user.look).color] }} aria-hidden />
        <strong id="signed-in-name">{t('entry.signedInAs', { name: user.displayName })}</strong>
      </p>
      <p className="muted">{t('entry.signedInIntro')}</p>
      <ErrorText message={error} />
      {!error && joinError && (
        <p className="error" role="alert">
          {joinError}
        </p>
      )}
      <button id="enter-branch" className="primary" type="button" disabled={busy} onClick={() => void enter()}>
        {busy ? t('join.entering') : t('join.enter')}
      </button>
      <div className="row">
        <button id="open-account" type="button" onClick={() => useAppStore.getState().set({ accountOpen: true })}>
          {t('account.title')}
        </button>
        <button id="sign-out" type="button" onClick={() => void signOut()}>
          {t('account.signOut')}
        </button>
      </div>
    </section>
  )
}

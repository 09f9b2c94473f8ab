import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { apiFetch } from '../auth/apiFetch.ts'
import { clearSession } from '../auth/sessionStore.ts'
import { ErrorText } from './ErrorText.tsx'
import { Field } from './Field.tsx'
import { useApiAction } from './useApiAction.ts'

/** Account deletion behind a second step: a warning and the password. Success signs out. */
export function DeleteAccount() {
  const { t } = useTranslation()
  const [confirming, setConfirming] = useState(false)
  const [password, setPassword] = useState('')
  const { busy, error, run } = useApiAction()
  const wrong = error?.key === 'apiErrors.invalid_credentials'

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!password) return
    void run(async () => {
      await apiFetch('/api/me', { method: 'DELETE', body: { password } })
      clearSession()
    })
  }

  return (
    <section className="account-section danger" aria-labelledby="delete-heading">
      <h3 id="delete-heading">{t('account.delete.title')}</h3>
      {!confirming ? (
        <button id="delete-start" type="button" onClick={() => setConfirming(true)}>
          {t('account.delete.start')}
        </button>
      ) : (
        <form onSubmit={submit} aria-describedby="delete-warning">
          <p id="delete-warning" className="warn-text">
            {t('account.delete.warning')}
          </p>
          <Field
            id="delete-password"
            label={t('account.delete.password')}
            type="password"
            autoComplete="current-password"
            maxLength={128}
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={wrong ? t('account.delete.wrongPassword') : undefined}
            autoFocus
          />
          {!wrong && <ErrorText message={error} />}
          <div className="row">
            <button id="delete-confirm" className="danger" type="submit" disabled={busy || !password}>
              {busy ? t('account.delete.deleting') : t('account.delete.confirm')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('account.delete.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}

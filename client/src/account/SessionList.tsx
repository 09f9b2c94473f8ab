import type { SessionView } from '@atrium/common'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { apiFetch } from '../auth/apiFetch.ts'
import { errorMessage, type Message } from '../auth/errorMessage.ts'
import { ErrorText } from './ErrorText.tsx'
import { useApiResource } from './useApiResource.ts'

/** Where the account is signed in, with a way to sign out any other device. */
export function SessionList() {
  const { t, i18n } = useTranslation()
  const { data, error, reload } = useApiResource<SessionView[]>('/api/me/sessions')
  const [busy, setBusy] = useState<string>()
  const [actionError, setActionError] = useState<Message>()
  const when = (ms: number) => new Date(ms).toLocaleString(i18n.language)

  const end = async (id: string) => {
    setBusy(id)
    setActionError(undefined)
    try {
      await apiFetch<void>(`/api/me/sessions/${id}`, { method: 'DELETE', body: {} })
      reload()
    } catch (e) {
      setActionError(errorMessage(e))
    } finally {
      setBusy(undefined)
    }
  }

  return (
    <section className="account-section" aria-labelledby="sessions-heading">
      <h3 id="sessions-heading">{t('account.sessions.title')}</h3>
      <p className="muted">{t('account.sessions.intro')}</p>
      <ErrorText message={error ?? actionError} />
      {data && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('account.sessions.signedIn')}</th>
                <th scope="col">{t('account.sessions.lastUsed')}</th>
                <th scope="col">{t('account.sessions.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((s) => (
                <tr key={s.id} data-session={s.id}>
                  <td>{when(s.createdAt)}</td>
                  <td>{when(s.lastUsedAt)}</td>
                  <td className="actions">
                    {s.current ? (
                      <span className="muted">{t('account.sessions.thisDevice')}</span>
                    ) : (
                      <button type="button" disabled={busy !== undefined} onClick={() => void end(s.id)}>
                        {t('account.sessions.end')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

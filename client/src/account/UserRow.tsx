import type { UserSummary } from '@atrium/common'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { apiFetch } from '../auth/apiFetch.ts'

interface UserRowProps {
  user: UserSummary
  /** True for the admin's own row: they cannot disable themselves here. */
  self: boolean
  onChanged: (u: UserSummary) => void
  onNotice: (text: string) => void
  onError: (e: unknown) => void
}

/** One account in the admin list, with disable/enable and "end sessions". */
export function UserRow({ user, self, onChanged, onNotice, onError }: UserRowProps) {
  const { t, i18n } = useTranslation()
  const [busy, setBusy] = useState(false)

  const act = async (action: () => Promise<void>) => {
    setBusy(true)
    try {
      await action()
    } catch (e) {
      onError(e)
    } finally {
      setBusy(false)
    }
  }

  const setDisabled = () =>
    act(async () => {
      const next = await apiFetch<UserSummary>(`/api/admin/users/${encodeURIComponent(user.id)}`, {
        method: 'PATCH',
        body: { disabled: !user.disabled },
      })
      onChanged(next)
      onNotice(t('admin.changed', { name: next.displayName }))
    })

  const endSessions = () =>
    act(async () => {
      const r = await apiFetch<{ revoked: number }>(`/api/admin/users/${encodeURIComponent(user.id)}/revoke-sessions`, {
        method: 'POST',
      })
      onNotice(t('admin.ended', { count: r.revoked, name: user.displayName }))
    })

  return (
    <tr data-user={user.id}>
      <td className="name">{user.displayName}</td>
      <td>{user.loginId}</td>
      <td>{t(`account.roles.${user.role}`)}</td>
      <td>
        <time dateTime={new Date(user.createdAt).toISOString()}>
          {new Date(user.createdAt).toLocaleDateString(i18n.language)}
        </time>
      </td>
      <td className={user.disabled ? 'error' : ''}>{user.disabled ? t('admin.disabled') : t('admin.active')}</td>
      <td className="actions">
        <button type="button" disabled={busy || self} onClick={() => void setDisabled()}>
          {user.disabled ? t('admin.enable') : t('admin.disable')}
        </button>
        <button type="button" disabled={busy} onClick={() => void endSessions()}>
          {t('admin.endSessions')}
        </button>
      </td>
    </tr>
  )
}

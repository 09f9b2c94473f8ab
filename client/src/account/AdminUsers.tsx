import { ROLES, type Role, type UserSummary } from '@atrium/common'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { errorMessage, type Message } from '../auth/errorMessage.ts'
import { useSession } from '../auth/useSession.ts'
import { CreateStaffForm } from './CreateStaffForm.tsx'
import { ErrorText } from './ErrorText.tsx'
import { queryString } from './queryString.ts'
import { useApiResource } from './useApiResource.ts'
import { UserRow } from './UserRow.tsx'

const PAGE = 20
const ACCOUNT_ROLES = ROLES.filter((r): r is Exclude<Role, 'guest'> => r !== 'guest')

interface UserList {
  users: UserSummary[]
  total: number
}

/** Admin: search accounts, page through them, disable/enable, end sessions, and create staff. */
export function AdminUsers() {
  const { t } = useTranslation()
  const me = useSession((s) => s.user?.id)
  const [q, setQ] = useState('')
  const [role, setRole] = useState<Role | ''>('')
  const [query, setQuery] = useState({ q: '', role: '', offset: 0 })
  const path = `/api/admin/users${queryString({ q: query.q, role: query.role, limit: PAGE, offset: query.offset })}`
  const { data, error, loading, setData, reload } = useApiResource<UserList>(path)
  const [notice, setNotice] = useState<string>()
  const [actionError, setActionError] = useState<Message>()

  const search = (e: FormEvent) => {
    e.preventDefault()
    setQuery({ q: q.trim(), role, offset: 0 })
  }
  const onChanged = (u: UserSummary) =>
    setData((d) => d && { ...d, users: d.users.map((x) => (x.id === u.id ? u : x)) })
  const report = (text: string) => {
    setActionError(undefined)
    setNotice(text)
  }
  const total = data?.total ?? 0
  const shown = data?.users.length ?? 0

  return (
    <div className="admin-users">
      <form className="row filters" role="search" onSubmit={search}>
        <label htmlFor="users-q">{t('admin.search')}</label>
        <input id="users-q" type="search" maxLength={64} value={q} onChange={(e) => setQ(e.target.value)} />
        <label htmlFor="users-role">{t('admin.role')}</label>
        <select id="users-role" value={role} onChange={(e) => setRole(e.target.value as Role | '')}>
          <option value="">{t('admin.anyRole')}</option>
          {ACCOUNT_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`account.roles.${r}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t('admin.apply')}</button>
      </form>
      <ErrorText message={error ?? actionError} />
      <p role="status" className="muted small">
        {notice ?? ''}
      </p>
      <div className="table-wrap">
        <table aria-busy={loading}>
          <caption>
            {t('admin.caption')} ·{' '}
            {t('admin.range', { from: shown ? query.offset + 1 : 0, to: query.offset + shown, total })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.name')}</th>
              <th scope="col">{t('admin.loginId')}</th>
              <th scope="col">{t('admin.role')}</th>
              <th scope="col">{t('admin.created')}</th>
              <th scope="col">{t('admin.status')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {data?.users.map((u) => (
              <UserRow
                key={u.id}
                user={u}
                self={u.id === me}
                onChanged={onChanged}
                onNotice={report}
                onError={(e) => setActionError(errorMessage(e))}
              />
            ))}
          </tbody>
        </table>
      </div>
      {data && shown === 0 && <p className="muted">{t('admin.empty')}</p>}
      <div className="row">
        <button
          type="button"
          disabled={query.offset === 0}
          onClick={() => setQuery((x) => ({ ...x, offset: Math.max(0, x.offset - PAGE) }))}
        >
          {t('admin.prev')}
        </button>
        <button
          type="button"
          disabled={query.offset + shown >= total}
          onClick={() => setQuery((x) => ({ ...x, offset: x.offset + PAGE }))}
        >
          {t('admin.next')}
        </button>
      </div>
      <CreateStaffForm
        onCreated={(u) => {
          report(t('admin.createdNotice', { name: u.displayName }))
          reload()
        }}
      />
    </div>
  )
}

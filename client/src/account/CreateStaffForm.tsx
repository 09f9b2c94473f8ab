import { CreateStaffRequest, LANGS, STAFF_ROLES, type Lang, type StaffRole, type UserSummary } from '@atrium/common'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { apiFetch } from '../auth/apiFetch.ts'
import { toIssues } from '../auth/errorMessage.ts'
import { LANG_NAMES } from '../ui/LanguagePicker.tsx'
import { ErrorText } from './ErrorText.tsx'
import { Field } from './Field.tsx'
import { LoginIdField } from './LoginIdField.tsx'
import { PasswordField } from './PasswordField.tsx'
import { useApiAction } from './useApiAction.ts'

/** Admin form for a new staff account (POST /api/admin/users). */
export function CreateStaffForm({ onCreated }: { onCreated: (u: UserSummary) => void }) {
  const { t } = useTranslation()
  const [displayName, setDisplayName] = useState('')
  const [loginId, setLoginId] = useState('')
  const [password, setPassword] = useState('')
  const [role, setRole] = useState<StaffRole>('advisor')
  const [lang, setLang] = useState<Lang>('zh-CN')
  const { busy, error, fields, run, invalid } = useApiAction()

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const parsed = CreateStaffRequest.safeParse({ displayName, loginId, password, role, lang })
    if (!parsed.success) return invalid(toIssues(parsed.error.issues))
    void run(async () => {
      onCreated(await apiFetch<UserSummary>('/api/admin/users', { method: 'POST', body: parsed.data }))
      setDisplayName('')
      setLoginId('')
      setPassword('')
    })
  }

  return (
    <form className="staff-create" onSubmit={submit} aria-labelledby="create-staff-heading" noValidate>
      <h4 id="create-staff-heading">{t('admin.create')}</h4>
      <Field
        id="staff-name"
        label={t('join.name')}
        maxLength={32}
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        error={fields.displayName && t(fields.displayName)}
      />
      <LoginIdField id="staff-login" autoComplete="off" value={loginId} onChange={setLoginId} error={fields.loginId} />
      <PasswordField id="staff-password" isNew value={password} onChange={setPassword} error={fields.password} />
      <div className="row">
        <label htmlFor="staff-role">{t('admin.role')}</label>
        <select id="staff-role" value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
          {STAFF_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`account.roles.${r}`)}
            </option>
          ))}
        </select>
        <label htmlFor="staff-lang">{t('join.language')}</label>
        <select id="staff-lang" value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
          {LANGS.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANG_NAMES[l]}
            </option>
          ))}
        </select>
      </div>
      <ErrorText message={error} />
      <button type="submit" className="primary" disabled={busy}>
        {t('admin.createSubmit')}
      </button>
    </form>
  )
}

import { packLook, unpackLook, UpdateMeRequest, type AccountView, type Lang } from '@atrium/common'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { apiFetch } from '../auth/apiFetch.ts'
import { toIssues } from '../auth/errorMessage.ts'
import { setUser } from '../auth/sessionStore.ts'
import { setLang } from '../i18n/index.ts'
import { LanguagePicker } from '../ui/LanguagePicker.tsx'
import { LookPicker } from '../ui/LookPicker.tsx'
import { ErrorText } from './ErrorText.tsx'
import { Field } from './Field.tsx'
import { useApiAction } from './useApiAction.ts'

/** Display name, look and preferred language (PATCH /api/me with only what changed). */
export function ProfileSettings({ user }: { user: AccountView }) {
  const { t } = useTranslation()
  const [displayName, setDisplayName] = useState(user.displayName)
  const [look, setLook] = useState(() => unpackLook(user.look))
  const [lang, setPreferred] = useState<Lang>(user.lang)
  const [saved, setSaved] = useState(false)
  const { busy, error, fields, run, invalid } = useApiAction()

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setSaved(false)
    const change: Record<string, unknown> = {}
    if (displayName !== user.displayName) change.displayName = displayName
    if (packLook(look.color, look.shape) !== user.look) change.look = look
    if (lang !== user.lang) change.lang = lang
    if (Object.keys(change).length === 0) return setSaved(true)
    const parsed = UpdateMeRequest.safeParse(change)
    if (!parsed.success) return invalid(toIssues(parsed.error.issues))
    void run(async () => {
      const next = await apiFetch<AccountView>('/api/me', { method: 'PATCH', body: parsed.data })
      setUser(next)
      setLang(next.lang)
      setSaved(true)
    })
  }

  return (
    <section className="account-section" aria-labelledby="profile-heading">
      <h3 id="profile-heading">{t('account.profile.title')}</h3>
      <form onSubmit={submit} noValidate>
        <Field
          id="profile-name"
          label={t('join.name')}
          hint={t('account.profile.rejoinNote')}
          autoComplete="nickname"
          maxLength={32}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={fields.displayName && t(fields.displayName)}
        />
        <LookPicker color={look.color} shape={look.shape} onChange={setLook} />
        <LanguagePicker value={lang} onChange={setPreferred} legend={t('account.profile.lang')} />
        <ErrorText message={error} />
        <div className="row">
          <button id="profile-save" type="submit" disabled={busy}>
            {t('account.profile.save')}
          </button>
          <span role="status" className="muted small">
            {saved ? t('account.profile.saved') : ''}
          </span>
        </div>
      </form>
    </section>
  )
}

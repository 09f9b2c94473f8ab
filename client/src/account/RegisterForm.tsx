import { RegisterRequest, type Lang } from '@atrium/common'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { register } from '../auth/authApi.ts'
import { toIssues } from '../auth/errorMessage.ts'
import { setLang } from '../i18n/index.ts'
import { LanguagePicker } from '../ui/LanguagePicker.tsx'
import { LookPicker } from '../ui/LookPicker.tsx'
import { ErrorText } from './ErrorText.tsx'
import { Field } from './Field.tsx'
import { LoginIdField } from './LoginIdField.tsx'
import { PasswordField } from './PasswordField.tsx'
import { useApiAction } from './useApiAction.ts'

/** Creates a customer account: display name, login id, password, look and language. */
export function RegisterForm() {
  const { t, i18n } = useTranslation()
  const [displayName, setDisplayName] = useState('')
  const [loginId, setLoginId] = useState('')
  const [password, setPassword] = useState('')
  const [look, setLook] = useState({ color: 0, shape: 0 })
  const lang = i18n.language as Lang
  const { busy, error, fields, run, invalid } = useApiAction()

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const parsed = RegisterRequest.safeParse({ displayName, loginId, password, lang, look })
    if (!parsed.success) return invalid(toIssues(parsed.error.issues))
    void run(() => register(parsed.data))
  }

  return (
    <form onSubmit={submit} aria-label={t('entry.register')} noValidate>
      <Field
        id="register-name"
        label={t('join.name')}
        hint={t('join.nameHint')}
        autoComplete="nickname"
        maxLength={32}
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        error={fields.displayName && t(fields.displayName)}
        autoFocus
      />
      <LoginIdField
        id="register-login"
        withHint
        autoComplete="username"
        value={loginId}
        onChange={setLoginId}
        error={fields.loginId}
      />
      <PasswordField id="register-password" isNew value={password} onChange={setPassword} error={fields.password} />
      <LookPicker color={look.color} shape={look.shape} onChange={setLook} />
      <LanguagePicker value={lang} onChange={setLang} />
      <ErrorText message={error} />
      <button id="register-submit" className="primary" type="submit" disabled={busy}>
        {busy ? t('auth.registering') : t('auth.register')}
      </button>
    </form>
  )
}

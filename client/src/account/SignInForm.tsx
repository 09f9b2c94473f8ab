import { LoginRequest } from '@atrium/common'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { signIn } from '../auth/authApi.ts'
import { toIssues } from '../auth/errorMessage.ts'
import { ErrorText } from './ErrorText.tsx'
import { LoginIdField } from './LoginIdField.tsx'
import { PasswordField } from './PasswordField.tsx'
import { useApiAction } from './useApiAction.ts'
import { useClientConfig } from './useClientConfig.ts'

/** Login id and password; on success the session store switches the join screen to "signed in". */
export function SignInForm() {
  const { t } = useTranslation()
  const [loginId, setLoginId] = useState('')
  const [password, setPassword] = useState('')
  const { busy, error, fields, run, invalid } = useApiAction()
  const demo = useClientConfig()?.demo === true

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const parsed = LoginRequest.safeParse({ loginId, password })
    if (!parsed.success) return invalid(toIssues(parsed.error.issues))
    void run(() => signIn(parsed.data))
  }

  return (
    <form onSubmit={submit} aria-label={t('entry.signIn')} noValidate>
      {demo && <p className="muted hint-box">{t('auth.demoHint')}</p>}
      <LoginIdField
        id="signin-login"
        autoComplete="username"
        value={loginId}
        onChange={setLoginId}
        error={fields.loginId}
        autoFocus
      />
      <PasswordField id="signin-password" value={password} onChange={setPassword} error={fields.password} />
      <ErrorText message={error} />
      <button id="signin-submit" className="primary" type="submit" disabled={busy}>
        {busy ? t('auth.signingIn') : t('auth.signIn')}
      </button>
    </form>
  )
}

import type { InputHTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'

import { Field } from './Field.tsx'

interface LoginIdFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  id: string
  value: string
  onChange: (value: string) => void
  /** Translation key of a field error, as useApiAction returns it. */
  error?: string | undefined
  /** Explain that the login id is private (registration). */
  withHint?: boolean
}

/** The email-or-mobile input of every sign-in, registration and staff form. */
export function LoginIdField({ value, onChange, error, withHint, ...input }: LoginIdFieldProps) {
  const { t } = useTranslation()
  return (
    <Field
      label={t('auth.loginId')}
      hint={withHint ? t('auth.loginIdHint') : undefined}
      inputMode="email"
      maxLength={254}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error && t(error)}
      {...input}
    />
  )
}

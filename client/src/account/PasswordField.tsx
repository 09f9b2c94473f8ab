import type { InputHTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'

import { Field } from './Field.tsx'

interface PasswordFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  id: string
  value: string
  onChange: (value: string) => void
  /** Translation key of a field error, as useApiAction returns it. */
  error?: string | undefined
  /** A new password (registration, staff creation): says how long it must be and lets managers suggest one. */
  isNew?: boolean
}

/** The password input of every sign-in, registration and staff form. */
export function PasswordField({ value, onChange, error, isNew, ...input }: PasswordFieldProps) {
  const { t } = useTranslation()
  return (
    <Field
      label={t('auth.password')}
      hint={isNew ? t('auth.passwordHint') : undefined}
      type="password"
      autoComplete={isNew ? 'new-password' : 'current-password'}
      maxLength={128}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error && t(error)}
      {...input}
    />
  )
}

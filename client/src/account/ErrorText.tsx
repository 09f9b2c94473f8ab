import { useTranslation } from 'react-i18next'

import type { Message } from '../auth/errorMessage.ts'

/** A form's error, announced as an alert; renders nothing without one. */
export function ErrorText({ message, id }: { message: Message | undefined; id?: string }) {
  const { t } = useTranslation()
  if (!message) return null
  return (
    <p className="error" role="alert" id={id}>
      {t(message.key, message.params)}
    </p>
  )
}

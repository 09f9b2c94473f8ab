import type { ComplaintStatusView, Lang } from '@atrium/common'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { ErrorText } from '../../account/ErrorText.tsx'
import { advisorApi } from '../advisorApi.ts'
import { formatWhen } from '../formatTime.ts'
import { useAsync } from '../useAsync.ts'

/** Raises a complaint (from a summary, or from the menu); shows its reference and the 24-hour response deadline. */
export function ComplaintForm({ sessionReference, onFiled }: { sessionReference?: string; onFiled?: () => void }) {
  const { t, i18n } = useTranslation()
  const [open, setOpen] = useState(!sessionReference)
  const [text, setText] = useState('')
  const [filed, setFiled] = useState<ComplaintStatusView>()
  const { busy, error, run } = useAsync()
  if (filed)
    return (
      <p role="status" className="advisor-complaint-filed">
        {t('advisor.complaints.filed', { reference: filed.reference, due: formatWhen(filed.dueAt, i18n.language) })}
      </p>
    )
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('advisor.complaints.raise')}
      </button>
    )
  return (
    <form
      className="advisor-form"
      onSubmit={(e) => {
        e.preventDefault()
        const lang: Lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en'
        void run(() => advisorApi.complain(text, lang, sessionReference)).then((c) => {
          if (!c) return
          setFiled(c)
          onFiled?.()
        })
      }}
    >
      <label>
        {t('advisor.complaints.text')}
        <textarea value={text} maxLength={2000} rows={3} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit" disabled={busy || text.trim() === ''}>
        {t('advisor.complaints.send')}
      </button>
      <ErrorText message={error} />
    </form>
  )
}

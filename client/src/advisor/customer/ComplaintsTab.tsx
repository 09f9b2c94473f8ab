import type { ComplaintStatusView } from '@atrium/common'
import { useTranslation } from 'react-i18next'

import { useApiResource } from '../../account/useApiResource.ts'
import { formatWhen } from '../formatTime.ts'
import { ComplaintForm } from './ComplaintForm.tsx'

/** The customer's complaints with their status (open, escalated, answered), deadline and response; a new one. */
export function ComplaintsTab() {
  const { t, i18n } = useTranslation()
  const list = useApiResource<{ complaints: ComplaintStatusView[] }>('/api/advisors/complaints/mine')
  return (
    <div className="advisor-form" id="advisor-complaints">
      <ul className="advisor-list">
        {list.data?.complaints.map((c) => (
          <li key={c.reference} data-reference={c.reference}>
            <strong>{c.reference}</strong>
            <span>{t(`advisor.complaints.status.${c.status}`)}</span>
            <span className="muted">{t('advisor.complaints.due', { due: formatWhen(c.dueAt, i18n.language) })}</span>
            {c.response && <p>{c.response}</p>}
          </li>
        ))}
      </ul>
      <ComplaintForm onFiled={list.reload} />
    </div>
  )
}

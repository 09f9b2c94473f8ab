import type { ComplaintView } from '@atrium/common'
import { useTranslation } from 'react-i18next'

import { ErrorText } from '../../account/ErrorText.tsx'
import { useApiResource } from '../../account/useApiResource.ts'
import { formatDeadline } from '../hostReplies.ts'

/** Staff: complaints the host recorded, with their 24-hour response deadline and status. */
export function ComplaintList() {
  const { t, i18n } = useTranslation()
  const { data, error, loading, reload } = useApiResource<{ complaints: ComplaintView[] }>('/api/staff/complaints')
  const complaints = data?.complaints ?? []
  const now = Date.now()

  return (
    <div className="complaints">
      <div className="row">
        <button type="button" onClick={reload} disabled={loading}>
          {t('hostStaff.refresh')}
        </button>
      </div>
      <ErrorText message={error} />
      <div className="table-wrap">
        <table aria-busy={loading}>
          <caption>{t('hostStaff.complaints')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('hostStaff.reference')}</th>
              <th scope="col">{t('hostStaff.received')}</th>
              <th scope="col">{t('hostStaff.due')}</th>
              <th scope="col">{t('hostStaff.status')}</th>
              <th scope="col">{t('hostStaff.text')}</th>
            </tr>
          </thead>
          <tbody>
            {complaints.map((c) => (
              <tr key={c.reference} data-reference={c.reference}>
                <td>
                  <code>{c.reference}</code>
                </td>
                <td>{formatDeadline(c.createdAt, i18n.language)}</td>
                <td>
                  <time dateTime={new Date(c.dueAt).toISOString()}>{formatDeadline(c.dueAt, i18n.language)}</time>
                  {c.status === 'open' && c.dueAt < now && (
                    <strong className="warn-text small"> {t('hostStaff.overdue')}</strong>
                  )}
                </td>
                <td>{t(`hostStaff.complaintStatus.${c.status}`)}</td>
                <td className="detail">{c.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data && complaints.length === 0 && <p className="muted">{t('hostStaff.noComplaints')}</p>}
    </div>
  )
}

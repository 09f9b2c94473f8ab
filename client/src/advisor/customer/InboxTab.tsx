import type { InboxView } from '@atrium/common'
import { useTranslation } from 'react-i18next'

import { useApiResource } from '../../account/useApiResource.ts'
import { formatWhen } from '../formatTime.ts'
import { ComplaintForm } from './ComplaintForm.tsx'
import { RatingForm } from './RatingForm.tsx'

/** Session summaries (discussed, next steps, disclosures shown), with a rating and a complaint path; reminders. */
export function InboxTab() {
  const { t, i18n } = useTranslation()
  const inbox = useApiResource<InboxView>('/api/advisors/inbox')
  const data = inbox.data
  return (
    <div className="advisor-form" id="advisor-inbox">
      {data?.reminders.map((r) => (
        <p key={r.appointmentId} role="status">
          {t('advisor.inbox.reminder', {
            when: formatWhen(r.startsAt, i18n.language, r.timeZone),
            name: r.advisorName,
          })}
        </p>
      ))}
      {data?.summaries.length === 0 && <p className="muted">{t('advisor.inbox.empty')}</p>}
      {data?.summaries.map((s) => (
        <article key={s.sessionReference} className="advisor-summary">
          <h3>
            {t('advisor.inbox.summaryFrom', { name: s.advisorName })} · {formatWhen(s.createdAt, i18n.language)}
          </h3>
          <p>{s.discussed}</p>
          {s.nextSteps.length > 0 && (
            <>
              <h4>{t('advisor.inbox.nextSteps')}</h4>
              <ul>
                {s.nextSteps.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </>
          )}
          {s.disclosures.length > 0 && (
            <>
              <h4>{t('advisor.inbox.disclosures')}</h4>
              <ul>
                {s.disclosures.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            </>
          )}
          {s.rating === null ? (
            <RatingForm reference={s.sessionReference} onDone={inbox.reload} />
          ) : (
            <p>{'★'.repeat(s.rating)}</p>
          )}
          <ComplaintForm sessionReference={s.sessionReference} />
        </article>
      ))}
    </div>
  )
}

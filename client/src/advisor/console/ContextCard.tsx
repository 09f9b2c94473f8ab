import type { CustomerContextView } from '@atrium/common'
import { useTranslation } from 'react-i18next'

import { ErrorText } from '../../account/ErrorText.tsx'
import { useApiResource } from '../../account/useApiResource.ts'
import { formatWhen } from '../formatTime.ts'

/**
 * The customer's consented context. Each opening is recorded in the audit trail (the card says so); what consent did
 * not cover is listed as withheld, never silently left out.
 */
export function ContextCard({ reference }: { reference: string }) {
  const { t, i18n } = useTranslation()
  const { data, error, reload } = useApiResource<CustomerContextView>(`/api/advisors/sessions/${reference}/context`)
  return (
    <div className="advisor-form" id="console-context">
      <h4>{t('advisor.context.title')}</h4>
      <p className="muted">{t('advisor.context.audited')}</p>
      {data?.hostConversation && (
        <details open>
          <summary>{t('advisor.context.conversation')}</summary>
          <ul>
            {data.hostConversation.map((turn, i) => (
              <li key={i}>
                <strong>{turn.from === 'host' ? t('advisor.context.host') : data.customer.displayName}:</strong>{' '}
                {turn.text}
              </li>
            ))}
          </ul>
        </details>
      )}
      {data?.questionnaire && (
        <p>
          {t('advisor.context.questionnaire', { when: formatWhen(data.questionnaire.answeredAt, i18n.language) })}{' '}
          <code>{JSON.stringify(data.questionnaire.answers)}</code>
        </p>
      )}
      {data?.plans?.map((p) => (
        <p key={`${p.name}-${p.updatedAt}`}>
          {t('advisor.context.plan', { name: p.name, when: formatWhen(p.updatedAt, i18n.language) })}
        </p>
      ))}
      {data?.events?.map((e) => (
        <p key={`${e.title}-${e.at}`}>
          {t('advisor.context.event', { title: e.title, when: formatWhen(e.at, i18n.language) })}
        </p>
      ))}
      {data && data.withheld.length > 0 && (
        <ul className="advisor-withheld" aria-label={t('advisor.context.withheld')}>
          {data.withheld.map((w) => (
            <li key={w.part}>
              {t('advisor.context.withheldItem', {
                part: t(`advisor.context.parts.${w.part}`),
                reason: t(`advisor.context.reasons.${w.reason}`),
              })}
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={reload}>
        {t('advisor.context.reload')}
      </button>
      <ErrorText message={error} />
    </div>
  )
}

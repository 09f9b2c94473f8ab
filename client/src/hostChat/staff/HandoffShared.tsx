import type { HandoffPacket } from '@atrium/common'
import { useTranslation } from 'react-i18next'

import { planSummary } from './staffTabs.ts'

/** What the customer consented to share at hand-off time: consents, the latest plan, risk answers. */
export function HandoffShared({ packet }: { packet: HandoffPacket }) {
  const { t } = useTranslation()
  const { plan, riskAnswers, consents } = packet
  const answers = riskAnswers ? Object.keys(riskAnswers).length : 0
  if (!plan && answers === 0) return <p className="muted small">{t('hostStaff.nothingShared')}</p>
  return (
    <div className="handoff-shared">
      <strong>{t('hostStaff.shared')}</strong>
      {consents.length > 0 && (
        <span className="muted small"> ({consents.map((c) => t(`account.consents.purposes.${c}`)).join(', ')})</span>
      )}
      {plan && (
        <p>
          {t('hostStaff.plan', { name: plan.name })}
          {planSummary(plan.data).length > 0 && (
            <span className="muted small"> · {planSummary(plan.data).join(' · ')}</span>
          )}
        </p>
      )}
      {answers > 0 && <p>{t('hostStaff.riskAnswers', { count: answers })}</p>}
    </div>
  )
}

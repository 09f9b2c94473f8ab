import { DEFAULT_PRODUCTS, needsConfirmation, riskLevelName } from '@atrium/common'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

import { useSession } from '../../auth/useSession.ts'
import { toLang } from '../../hostChat/uiLang.ts'
import { planSuitability } from './planData.ts'
import { useSandbox } from './sandboxStore.ts'
import { loadConfirmations } from './suitabilityStore.ts'
import { SuitabilityConfirm } from './SuitabilityConfirm.tsx'
import { useRiskAssessment } from './useRiskAssessment.ts'

/**
 * The plan's risk level and its suitability for the customer's risk category. A mismatch or an expired
 * questionnaire shows the warning and asks for the explicit, recorded confirmation before the plan is saved.
 */
export function RiskSummary() {
  const { t, i18n } = useTranslation()
  const lang = toLang(i18n.language)
  const data = useSandbox((s) => s.data)
  const customer = useSession((s) => s.user?.role === 'customer')
  const assessment = useRiskAssessment()
  useEffect(() => {
    // a failed load only means confirming again; the server keeps every confirmation anyway
    if (customer) loadConfirmations().catch(() => undefined)
  }, [customer])
  const check = planSuitability(data.allocation, assessment)
  if (!check) return null
  return (
    <section className="sandbox-risk" aria-labelledby="sandbox-risk-heading">
      <h3 id="sandbox-risk-heading">{t('sandbox.risk.title')}</h3>
      <p id="sandbox-risk-level" data-risk={check.risk}>
        {t('sandbox.risk.level', { risk: check.risk, name: riskLevelName(DEFAULT_PRODUCTS, check.risk)[lang] })}
      </p>
      {check.status === 'missing' && <p className="muted">{t('sandbox.risk.questionnaire')}</p>}
      {check.status === 'suitable' && <p>{t('sandbox.risk.suitable', { category: check.category ?? '' })}</p>}
      {(check.status === 'mismatch' || check.status === 'expired') && check.warning && (
        <p className="sandbox-warning" role="alert" data-status={check.status}>
          {check.warning[lang]}
        </p>
      )}
      {customer && needsConfirmation(check) && (
        <SuitabilityConfirm check={check} data={data} idPrefix="sandbox-confirm" />
      )}
    </section>
  )
}

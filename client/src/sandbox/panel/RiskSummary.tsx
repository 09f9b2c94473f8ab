import { DEFAULT_PRODUCTS, riskLevelName } from '@atrium/common'
import { useTranslation } from 'react-i18next'

import { toLang } from '../../hostChat/uiLang.ts'
import { planSuitability } from './planData.ts'
import { useSandbox } from './sandboxStore.ts'
import { useRiskAssessment } from './useRiskAssessment.ts'

/** The plan's risk level and its suitability for the customer's risk category, with the warning on a mismatch. */
export function RiskSummary() {
  const { t, i18n } = useTranslation()
  const lang = toLang(i18n.language)
  const allocation = useSandbox((s) => s.data.allocation)
  const assessment = useRiskAssessment()
  const check = planSuitability(allocation, assessment)
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
    </section>
  )
}

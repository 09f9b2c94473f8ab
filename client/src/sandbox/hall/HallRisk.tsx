import { useTranslation } from 'react-i18next'

import { toLang } from '../../hostChat/uiLang.ts'
import { planSuitability } from '../panel/planData.ts'
import { useSandbox } from '../panel/sandboxStore.ts'
import { useRiskAssessment } from '../panel/useRiskAssessment.ts'
import { riskLines } from './atlasView.ts'

/** The plan's risk level and its suitability for the visitor, updated as the columns are shaped. */
export function HallRisk() {
  const { t, i18n } = useTranslation()
  const lang = toLang(i18n.language)
  const allocation = useSandbox((s) => s.data.allocation)
  const assessment = useRiskAssessment()
  const lines = riskLines(t, lang, allocation, assessment)
  const check = planSuitability(allocation, assessment)
  const warn = (check?.status === 'mismatch' || check?.status === 'expired') && check.warning
  return (
    <div className="hall-risk">
      <p id="hall-risk-level" data-risk={check?.risk}>
        {lines.risk}
      </p>
      {warn ? (
        <p className="sandbox-warning" role="alert" data-status={check.status}>
          {warn[lang]}
        </p>
      ) : (
        <p className="muted">{lines.suitability}</p>
      )}
    </div>
  )
}

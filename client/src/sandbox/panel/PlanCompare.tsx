import { DEFAULT_PRODUCTS, riskLevelName, type PlanView } from '@atrium/common'
import { useTranslation } from 'react-i18next'

import { toLang } from '../../hostChat/uiLang.ts'
import { formatMoney, formatPercent } from './format.ts'
import { expectedReturn, parsePlanData, planSuitability, type SandboxPlanData } from './planData.ts'

const ROWS = ['initial', 'monthly', 'years', 'goal', 'risk', 'expectedReturn', 'seed'] as const

/** Key figures of two saved plans side by side. */
export function PlanCompare({ plans }: { plans: [PlanView, PlanView] }) {
  const { t, i18n } = useTranslation()
  const lang = toLang(i18n.language)
  const data = plans.map((p) => parsePlanData(p.data))
  const cell = (row: (typeof ROWS)[number], d: SandboxPlanData | undefined): string => {
    if (!d) return '—'
    const i = d.inputs
    switch (row) {
      case 'initial':
        return formatMoney(i.initial, lang)
      case 'monthly':
        return formatMoney(i.monthly, lang)
      case 'years':
        return i.years.toLocaleString(lang)
      case 'goal':
        return t('sandbox.compare.goalValue', { amount: formatMoney(i.goalAmount, lang), year: i.goalYear })
      case 'risk': {
        const risk = planSuitability(d.allocation, undefined)?.risk
        return risk ? `${risk} ${riskLevelName(DEFAULT_PRODUCTS, risk)[lang]}` : '—'
      }
      case 'expectedReturn':
        return formatPercent(expectedReturn(d.allocation), lang)
      case 'seed':
        return String(d.seed)
    }
  }
  return (
    <table id="sandbox-compare" className="sandbox-table">
      <caption>{t('sandbox.compare.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('sandbox.compare.figure')}</th>
          {plans.map((p) => (
            <th key={p.id} scope="col">
              {p.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {ROWS.map((row) => (
          <tr key={row}>
            <th scope="row">{t(`sandbox.compare.${row}`)}</th>
            {data.map((d, k) => (
              <td key={plans[k]!.id}>{cell(row, d)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

import { useTranslation } from 'react-i18next'

import { toLang } from '../../hostChat/uiLang.ts'
import { BandsTable } from './BandsTable.tsx'
import { FanChart } from './FanChart.tsx'
import { formatMoney, formatPercent } from './format.ts'
import { useSandbox } from './sandboxStore.ts'

/** The last projection: probability of the goal, the fan chart and the table of bands (today's money). */
export function ResultsView() {
  const { t, i18n } = useTranslation()
  const lang = toLang(i18n.language)
  const run = useSandbox((s) => s.run)
  const current = useSandbox((s) => s.data)
  if (run.status !== 'done') return null
  const { result, data } = run
  const goal = result.goals[0]
  const median = result.bands.real.p50.at(-1) ?? 0
  return (
    <section id="sandbox-results" className="sandbox-results" aria-labelledby="sandbox-results-heading">
      <h3 id="sandbox-results-heading">{t('sandbox.results.title')}</h3>
      {current !== data && <p className="muted">{t('sandbox.results.stale')}</p>}
      <p id="sandbox-goal">
        {goal
          ? t('sandbox.results.goal', {
              amount: formatMoney(goal.targetReal, lang),
              year: goal.month / 12,
              probability: formatPercent(goal.probability, lang),
            })
          : t('sandbox.results.noGoal')}
      </p>
      <p>{t('sandbox.results.median', { years: data.inputs.years, amount: formatMoney(median, lang) })}</p>
      <FanChart result={result} />
      <BandsTable result={result} />
    </section>
  )
}

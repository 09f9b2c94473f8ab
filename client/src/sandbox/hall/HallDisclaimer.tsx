import { DEFAULT_ASSUMPTIONS } from '@atrium/common'
import { useTranslation } from 'react-i18next'

import { toLang } from '../../hostChat/uiLang.ts'
import { formatPercent } from '../panel/format.ts'
import { useSandbox } from '../panel/sandboxStore.ts'

/** Always shown at the table: results are hypothetical, and the assumptions used (the planner's own wording). */
export function HallDisclaimer() {
  const { t, i18n } = useTranslation()
  const lang = toLang(i18n.language)
  const paths = useSandbox((s) => (s.run.status === 'done' ? s.run.result.paths : s.paths))
  const seed = useSandbox((s) => s.data.seed)
  const a = DEFAULT_ASSUMPTIONS
  return (
    <div id="hall-disclaimer" className="hall-disclaimer">
      <p>
        <strong>{t('sandbox.disclaimer.hypothetical')}</strong>
      </p>
      <p>
        {t(a.illustrative ? 'sandbox.disclaimer.illustrative' : 'sandbox.disclaimer.sourced', {
          currency: a.currency,
        })}{' '}
        {t('sandbox.disclaimer.method', {
          inflation: formatPercent(a.inflation, lang),
          paths: paths.toLocaleString(lang),
          seed,
        })}
      </p>
    </div>
  )
}

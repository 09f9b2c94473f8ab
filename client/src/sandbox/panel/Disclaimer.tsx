import { DEFAULT_ASSUMPTIONS } from '@atrium/common'
import { useTranslation } from 'react-i18next'

import { toLang } from '../../hostChat/uiLang.ts'
import { formatPercent } from './format.ts'
import { useSandbox } from './sandboxStore.ts'

/** Always shown: results are hypothetical, and which assumptions the projection uses. */
export function Disclaimer() {
  const { t, i18n } = useTranslation()
  const lang = toLang(i18n.language)
  const paths = useSandbox((s) => (s.run.status === 'done' ? s.run.result.paths : s.paths))
  const seed = useSandbox((s) => s.data.seed)
  const a = DEFAULT_ASSUMPTIONS
  return (
    <section id="sandbox-disclaimer" className="sandbox-disclaimer">
      <p>
        <strong>{t('sandbox.disclaimer.hypothetical')}</strong>
      </p>
      <p>
        {t(a.illustrative ? 'sandbox.disclaimer.illustrative' : 'sandbox.disclaimer.sourced', {
          currency: a.currency,
        })}{' '}
        {a.description[lang]}
      </p>
      <p>
        {t('sandbox.disclaimer.method', {
          inflation: formatPercent(a.inflation, lang),
          paths: paths.toLocaleString(lang),
          seed,
        })}
      </p>
      <details>
        <summary>{t('sandbox.disclaimer.classes')}</summary>
        <ul>
          {a.assetClasses.map((c) => (
            <li key={c.id}>
              {t('sandbox.disclaimer.classLine', {
                name: c.name[lang],
                ret: formatPercent(c.expectedReturn, lang),
                vol: formatPercent(c.volatility, lang),
              })}
            </li>
          ))}
        </ul>
      </details>
    </section>
  )
}

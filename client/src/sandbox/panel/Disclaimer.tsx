import { DEFAULT_ASSUMPTIONS } from '@atrium/common'
import { useTranslation } from 'react-i18next'

import { toLang } from '../../hostChat/uiLang.ts'
import { formatPercent } from './format.ts'
import { useSandbox } from './sandboxStore.ts'

/**
 * Always shown: results are hypothetical, and which assumptions the projection uses. `compact` (the sandbox hall's
 * side panel) keeps the statement and the method and leaves out the long description and the per-class list.
 */
export function Disclaimer({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation()
  const lang = toLang(i18n.language)
  const paths = useSandbox((s) => (s.run.status === 'done' ? s.run.result.paths : s.paths))
  const seed = useSandbox((s) => s.data.seed)
  const a = DEFAULT_ASSUMPTIONS
  return (
    <section
      id={compact ? 'hall-disclaimer' : 'sandbox-disclaimer'}
      className={compact ? 'hall-disclaimer' : 'sandbox-disclaimer'}
    >
      <p>
        <strong>{t('sandbox.disclaimer.hypothetical')}</strong>
      </p>
      <p>
        {t(a.illustrative ? 'sandbox.disclaimer.illustrative' : 'sandbox.disclaimer.sourced', {
          currency: a.currency,
        })}{' '}
        {!compact && a.description[lang]}
      </p>
      <p>
        {t('sandbox.disclaimer.method', {
          inflation: formatPercent(a.inflation, lang),
          paths: paths.toLocaleString(lang),
          seed,
        })}
      </p>
      {!compact && (
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
      )}
    </section>
  )
}

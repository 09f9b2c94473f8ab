import { PERCENTILES, type SimulationResult } from '@atrium/common'
import { useTranslation } from 'react-i18next'

import { toLang } from '../../hostChat/uiLang.ts'
import { formatMoney } from './format.ts'

/** The fan chart's numbers: one row per year, one column per percentile, in today's money. */
export function BandsTable({ result }: { result: SimulationResult }) {
  const { t, i18n } = useTranslation()
  const lang = toLang(i18n.language)
  const bands = result.bands.real
  return (
    <div className="sandbox-table-wrap">
      <table id="sandbox-bands" className="sandbox-table">
        <caption>{t('sandbox.results.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sandbox.results.year')}</th>
            {PERCENTILES.map((p) => (
              <th key={p} scope="col">
                {t('sandbox.results.percentile', { p })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.months.map((m, i) => (
            <tr key={m}>
              <th scope="row">{(m / 12).toLocaleString(lang, { maximumFractionDigits: 1 })}</th>
              {PERCENTILES.map((p) => (
                <td key={p}>{formatMoney(bands[`p${p}`][i] ?? 0, lang)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

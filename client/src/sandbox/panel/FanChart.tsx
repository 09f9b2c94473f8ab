import type { SimulationResult } from '@atrium/common'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { toLang } from '../../hostChat/uiLang.ts'
import { formatMoney, formatMoneyShort } from './format.ts'

const W = 560
const H = 240
const PAD = { left: 64, right: 12, top: 12, bottom: 28 }
const BANDS = [
  ['p5', 'p95', 'band-outer'],
  ['p10', 'p90', 'band-middle'],
  ['p25', 'p75', 'band-inner'],
] as const

/** Fan chart of wealth in today's money: 5–95, 10–90 and 25–75 percentile bands and the median, as an SVG image. */
export function FanChart({ result }: { result: SimulationResult }) {
  const { t, i18n } = useTranslation()
  const lang = toLang(i18n.language)
  const id = useId()
  const b = result.bands.real
  const years = result.months.map((m) => m / 12)
  const last = years.at(-1) ?? 1
  const top = Math.max(1, ...b.p95)
  const x = (year: number) => PAD.left + (year / last) * (W - PAD.left - PAD.right)
  const y = (v: number) => H - PAD.bottom - (v / top) * (H - PAD.top - PAD.bottom)
  const points = (values: number[]) => values.map((v, i) => `${x(years[i]!)},${y(v)}`)
  const line = (values: number[]) => points(values).join(' ')
  const area = (lo: number[], hi: number[]) => [...points(hi), ...points(lo).reverse()].join(' ')
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * top)
  const yearTicks = years.filter((yr, i) => Number.isInteger(yr) && (years.length <= 11 || i % 5 === 0))
  return (
    <svg
      className="fan-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      data-testid="fan-chart"
    >
      <title id={`${id}-title`}>{t('sandbox.results.chartTitle')}</title>
      <desc id={`${id}-desc`}>
        {t('sandbox.results.chartDesc', { years: last, median: formatMoney(b.p50.at(-1) ?? 0, lang) })}
      </desc>
      {ticks.map((v) => (
        <g key={v} className="axis">
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
          <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
            {formatMoneyShort(v, lang)}
          </text>
        </g>
      ))}
      {yearTicks.map((yr) => (
        <text key={yr} className="axis" x={x(yr)} y={H - 8} textAnchor="middle">
          {yr}
        </text>
      ))}
      {BANDS.map(([lo, hi, cls]) => (
        <polygon key={cls} className={cls} points={area(b[lo], b[hi])} />
      ))}
      <polyline className="median" points={line(b.p50)} />
    </svg>
  )
}

/** Number formatting in the UI language for the planner: money in the assumptions' currency and percentages. */
import { DEFAULT_ASSUMPTIONS } from '@atrium/common'

/** Money without decimals, e.g. ¥1,234,567 (en) or ¥1,234,567 (zh-CN). */
export function formatMoney(value: number, lang: string, currency = DEFAULT_ASSUMPTIONS.currency): string {
  return new Intl.NumberFormat(lang, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value)
}

/** Short money for chart axes: ¥1.2M (en), ¥120万 (zh-CN). */
export function formatMoneyShort(value: number, lang: string, currency = DEFAULT_ASSUMPTIONS.currency): string {
  return new Intl.NumberFormat(lang, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumSignificantDigits: 3,
  }).format(value)
}

/** A fraction as a percentage: 0.725 → 72.5%. */
export function formatPercent(fraction: number, lang: string, digits = 1): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: digits }).format(fraction)
}

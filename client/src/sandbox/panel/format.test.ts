import { describe, expect, it } from 'vitest'

import { formatMoney, formatMoneyShort, formatPercent } from './format.ts'

describe('planner formatting', () => {
  it('formats money without decimals in the UI language', () => {
    expect(formatMoney(1234567.89, 'en')).toBe('CN¥1,234,568')
    expect(formatMoney(1234567.89, 'zh-CN')).toBe('¥1,234,568')
  })

  it('formats short money for axes', () => {
    expect(formatMoneyShort(1_200_000, 'en')).toBe('CN¥1.2M')
    expect(formatMoneyShort(1_200_000, 'zh-CN')).toBe('¥120万')
  })

  it('formats percentages', () => {
    expect(formatPercent(0.725, 'en')).toBe('72.5%')
    expect(formatPercent(0.725, 'zh-CN')).toBe('72.5%')
    expect(formatPercent(1, 'en', 0)).toBe('100%')
  })
})

import { describe, expect, it } from 'vitest'

import { planSummary, staffTabs } from './staffTabs.ts'

describe('staffTabs', () => {
  it('gives each staff role its main tool first, and hand-offs to advisors', () => {
    expect(staffTabs('admin')).toEqual(['users', 'handoffs', 'complaints'])
    expect(staffTabs('compliance')).toEqual(['audit', 'handoffs', 'complaints'])
    expect(staffTabs('advisor')).toEqual(['handoffs', 'complaints'])
    expect(staffTabs('educator')).toEqual([])
    expect(staffTabs('customer')).toEqual([])
    expect(staffTabs('guest')).toEqual([])
  })
})

describe('planSummary', () => {
  it('lists a few plain values and skips nested ones', () => {
    expect(planSummary({ goal: 'retire', years: 20, nested: { a: 1 }, list: [1], ok: true })).toEqual([
      'goal: retire',
      'years: 20',
      'ok: true',
    ])
    expect(planSummary({ a: 1, b: 2, c: 3 }, 2)).toEqual(['a: 1', 'b: 2'])
  })
})

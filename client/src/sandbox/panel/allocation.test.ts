import { DEFAULT_ASSET_CLASS_IDS } from '@atrium/common'
import { describe, expect, it } from 'vitest'

import { allocationTotal, apportion, PRESET_NAMES, presetAllocation, rebalance } from './allocation.ts'

describe('allocation rebalancing', () => {
  it('keeps the total at 100 and scales the others proportionally', () => {
    const a = { a: 50, b: 30, c: 20 }
    const next = rebalance(a, 'a', 60)
    expect(next).toEqual({ a: 60, b: 24, c: 16 })
    expect(allocationTotal(next)).toBe(100)
  })

  it('clamps and rounds the new value', () => {
    expect(rebalance({ a: 50, b: 50 }, 'a', 130)).toEqual({ a: 100, b: 0 })
    expect(rebalance({ a: 50, b: 50 }, 'a', -5)).toEqual({ a: 0, b: 100 })
    expect(rebalance({ a: 50, b: 50 }, 'a', 40.6)).toEqual({ a: 41, b: 59 })
    expect(rebalance({ a: 50, b: 50 }, 'a', Number.NaN)).toEqual({ a: 0, b: 100 })
  })

  it('spreads equally when the other classes are all at 0', () => {
    expect(rebalance({ a: 100, b: 0, c: 0 }, 'a', 90)).toEqual({ a: 90, b: 5, c: 5 })
  })

  it('rounds by largest remainder to whole percent', () => {
    const next = rebalance({ a: 1, b: 33, c: 33, d: 33 }, 'a', 0)
    expect(next).toEqual({ a: 0, b: 34, c: 33, d: 33 })
    expect(apportion([1, 1, 1], 100)).toEqual([34, 33, 33])
  })

  it('keeps 100 for a single class and ignores unknown ids', () => {
    expect(rebalance({ a: 100 }, 'a', 20)).toEqual({ a: 100 })
    const a = { a: 60, b: 40 }
    expect(rebalance(a, 'x', 10)).toBe(a)
  })

  it('stays at 100 over many random steps', () => {
    let a = presetAllocation('balanced')
    let seed = 7
    for (let i = 0; i < 500; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      const id = DEFAULT_ASSET_CLASS_IDS[seed % DEFAULT_ASSET_CLASS_IDS.length]!
      a = rebalance(a, id, (seed >> 8) % 101)
      expect(allocationTotal(a)).toBe(100)
      expect(Object.values(a).every((v) => Number.isInteger(v) && v >= 0)).toBe(true)
    }
  })

  it('has presets over every asset class summing to 100', () => {
    for (const name of PRESET_NAMES) {
      const p = presetAllocation(name)
      expect(Object.keys(p)).toEqual([...DEFAULT_ASSET_CLASS_IDS])
      expect(allocationTotal(p)).toBe(100)
    }
  })
})

import { describe, expect, it } from 'vitest'

import cmaFile from '../../../assets/finance/capital-market-assumptions.json' with { type: 'json' }
import {
  DEFAULT_ASSUMPTIONS,
  lognormalParams,
  loadAssumptions,
  type AssumptionsFile,
} from '../../src/finance/assumptions.ts'
import { CorrelationError } from '../../src/finance/linalg.ts'
import { FinanceDataError } from '../../src/finance/text.ts'

const file = () => structuredClone(cmaFile) as AssumptionsFile

describe('capital market assumptions', () => {
  it('ships the eight CNY asset classes with the finance.md §3 values, documented and bilingual', () => {
    const byId = Object.fromEntries(DEFAULT_ASSUMPTIONS.assetClasses.map((a) => [a.id, a]))
    expect(Object.keys(byId)).toEqual([
      'cash',
      'govBonds',
      'creditBonds',
      'fixedIncomePlus',
      'csi300',
      'globalEquity',
      'gold',
      'reits',
    ])
    expect([byId.cash!.expectedReturn, byId.cash!.volatility]).toEqual([0.018, 0.005])
    expect([byId.csi300!.expectedReturn, byId.csi300!.volatility]).toEqual([0.07, 0.25])
    expect([byId.globalEquity!.expectedReturn, byId.globalEquity!.volatility]).toEqual([0.065, 0.18])
    for (const a of DEFAULT_ASSUMPTIONS.assetClasses) {
      expect(a.rationale).toMatch(/finance\.md|GUESS/)
      expect(a.name['zh-CN'].length).toBeGreaterThan(0)
      expect(a.name.en.length).toBeGreaterThan(0)
    }
    expect(DEFAULT_ASSUMPTIONS.illustrative).toBe(true)
    expect(DEFAULT_ASSUMPTIONS.minEigenvalue).toBeGreaterThan(0.2)
    expect(DEFAULT_ASSUMPTIONS.repair).toBeUndefined()
  })

  it('converts mean and volatility to lognormal parameters with the right mean and SD', () => {
    for (const [m, s] of [
      [0.07, 0.25],
      [0.018, 0.005],
      [0, 0],
    ] as const) {
      const { mu, sigma } = lognormalParams(m, s)
      expect(Math.exp(mu + (sigma * sigma) / 2)).toBeCloseTo(1 + m, 14)
      const sd = Math.sqrt(Math.expm1(sigma * sigma) * Math.exp(2 * mu + sigma * sigma))
      expect(Math.abs(sd - s)).toBeLessThan(1e-12 * Math.max(s, 1e-3))
    }
  })

  it('reorders the matrix to asset-class order when the file lists another order', () => {
    const f = file()
    const n = f.correlations.order.length
    const perm = [...Array(n).keys()].reverse()
    f.correlations.order = perm.map((i) => cmaFile.correlations.order[i]!)
    f.correlations.matrix = perm.map((i) => perm.map((j) => cmaFile.correlations.matrix[i]![j]!))
    expect(loadAssumptions(f).correlation).toEqual(DEFAULT_ASSUMPTIONS.correlation)
  })

  it('refuses an invalid file with a message naming the problem', () => {
    const missingVol = file() as unknown as { assetClasses: { volatility?: number }[] }
    delete missingVol.assetClasses[2]!.volatility
    expect(() => loadAssumptions(missingVol)).toThrow(/assetClasses\.2\.volatility/)
    const badOrder = file()
    badOrder.correlations.order[0] = 'bitcoin'
    expect(() => loadAssumptions(badOrder)).toThrow(FinanceDataError)
    expect(() => loadAssumptions(badOrder)).toThrow(/missing: cash.*unknown: bitcoin/)
    const asym = file()
    asym.correlations.matrix[1]![4] = 0.3
    expect(() => loadAssumptions(asym)).toThrow(/not symmetric at \(govBonds, csi300\)/)
  })

  it('refuses a non-PSD matrix unless asked to repair it, then reports the repair', () => {
    const f = file()
    const set = (a: number, b: number, v: number) => {
      f.correlations.matrix[a]![b] = v
      f.correlations.matrix[b]![a] = v
    }
    set(4, 5, 0.95)
    set(4, 1, 0.9)
    set(5, 1, -0.9)
    expect(() => loadAssumptions(f)).toThrow(CorrelationError)
    const repaired = loadAssumptions(f, { onNonPsd: 'repair' })
    expect(repaired.repair?.method).toBe('diagonal-loading')
    expect(repaired.minEigenvalue).toBeGreaterThan(0)
  })
})

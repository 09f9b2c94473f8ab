import { describe, expect, it } from 'vitest'

import { createScratch, growthFactors } from '../../src/finance/kernel.ts'
import { simulate } from '../../src/finance/montecarlo.ts'
import { compilePlan, type SimulationPlanInput } from '../../src/finance/plan.ts'
import { fillNormals, seedStream } from '../../src/finance/prng.ts'
import { PERCENTILES } from '../../src/finance/stats.ts'
import { ALL8, cma, er, last, rel, zeroVolatility } from './fixtures.ts'

describe('Monte Carlo: exact cases', () => {
  it('with zero volatility gives exactly the compounded value', () => {
    const r = simulate({ initialWealth: 100_000, horizonMonths: 360, allocation: { csi300: 1 } }, zeroVolatility(), {
      seed: 1,
      paths: 10,
    })
    const expected = 100_000 * 1.07 ** 30
    for (const q of PERCENTILES) expect(rel(r.bands.nominal[`p${q}`][last(r)]!, expected)).toBeLessThan(1e-12)
    r.months.forEach((m, k) => expect(rel(r.bands.nominal.p50[k]!, 100_000 * 1.07 ** (m / 12))).toBeLessThan(1e-12))
    expect(r.maxDrawdown.quantiles[100]).toBe(0)
  })

  it('with zero volatility compounds indexed contributions and withdrawals month by month', () => {
    const plan: SimulationPlanInput = {
      initialWealth: 50_000,
      horizonMonths: 240,
      allocation: { govBonds: 1 },
      inflation: 0.025,
      cashFlows: [
        { monthlyAmount: 2_000, startMonth: 1, endMonth: 120 },
        { monthlyAmount: -1_500, startMonth: 121, endMonth: 240, indexed: false },
      ],
    }
    const r = simulate(plan, zeroVolatility(), { seed: 3, paths: 4 })
    let w = 50_000
    for (let m = 1; m <= 240; m++) {
      w = w * 1.03 ** (1 / 12) + (m <= 120 ? 2_000 * 1.025 ** (m / 12) : -1_500)
    }
    expect(rel(r.terminal.percentiles.p50, w)).toBeLessThan(1e-11)
    expect(rel(r.terminal.realPercentiles.p50, w / 1.025 ** 20)).toBeLessThan(1e-11)
  })

  it('with zero volatility matches rebalanced and buy-and-hold mixes', () => {
    const base = { initialWealth: 1_000_000, horizonMonths: 300, allocation: ALL8 }
    const ids = Object.keys(ALL8) as (keyof typeof ALL8)[]
    const monthly = simulate({ ...base, rebalancing: { kind: 'monthly' } }, zeroVolatility(), { seed: 1, paths: 2 })
    const growth = ids.reduce((s, id) => s + ALL8[id] * (1 + er[id]!) ** (1 / 12), 0)
    expect(rel(monthly.terminal.mean, 1_000_000 * growth ** 300)).toBeLessThan(1e-12)
    const hold = simulate({ ...base, rebalancing: { kind: 'none' } }, zeroVolatility(), { seed: 1, paths: 2 })
    const held = ids.reduce((s, id) => s + 1_000_000 * ALL8[id] * (1 + er[id]!) ** 25, 0)
    expect(rel(hold.terminal.mean, held)).toBeLessThan(1e-12)
  })

  it('with zero volatility reaches or misses goals with certainty and reports the shortfall', () => {
    const r = simulate(
      {
        initialWealth: 100_000,
        horizonMonths: 120,
        allocation: { cash: 1 },
        goals: [
          { id: 'easy', month: 60, amount: 50_000, real: false },
          { id: 'hard', month: 120, amount: 100_000, real: false },
        ],
      },
      zeroVolatility(),
      { seed: 1, paths: 100 },
    )
    const atFive = 100_000 * 1.018 ** 5
    const atTen = (atFive - 50_000) * 1.018 ** 5
    expect(r.goals.map((g) => g.probability)).toEqual([1, 0])
    expect(rel(r.goals[1]!.meanShortfall, 100_000 - atTen)).toBeLessThan(1e-10)
    expect(rel(r.goals[1]!.medianShortfallWhenMissed, 100_000 - atTen)).toBeLessThan(1e-10)
    // a missed goal that withdraws spends what there is
    expect(r.terminal.mean).toBe(0)
  })

  it('records depletion when withdrawals exceed wealth', () => {
    const r = simulate(
      {
        initialWealth: 10_000,
        horizonMonths: 24,
        allocation: { cash: 1 },
        cashFlows: [{ monthlyAmount: -1_000, startMonth: 1, endMonth: 24, indexed: false }],
      },
      zeroVolatility(),
      { seed: 1, paths: 10 },
    )
    expect(r.shortfall.depletionProbability).toBe(1)
    expect(r.shortfall.depletionMonth?.p50).toBe(11)
    expect(r.terminal.percentiles.p95).toBe(0)
    expect(r.shortfall.unmetWithdrawalsReal.mean).toBeGreaterThan(13_000)
  })
})

describe('Monte Carlo: statistics', () => {
  it('single asset: mean terminal wealth within 1% of (1 + m)^T', () => {
    const r = simulate({ initialWealth: 1_000_000, horizonMonths: 120, allocation: { csi300: 1 } }, cma, {
      seed: 11,
      paths: 200_000,
    })
    expect(rel(r.terminal.mean, 1_000_000 * 1.07 ** 10)).toBeLessThan(0.01)
  })

  it('correlated mix with contributions, monthly rebalancing: mean within 1% of the closed form', () => {
    const plan: SimulationPlanInput = {
      initialWealth: 500_000,
      horizonMonths: 240,
      allocation: ALL8,
      rebalancing: { kind: 'monthly' },
      cashFlows: [{ monthlyAmount: 3_000, startMonth: 1, endMonth: 240 }],
    }
    const r = simulate(plan, cma, { seed: 12, paths: 40_000 })
    const g = Object.entries(ALL8).reduce((s, [id, w]) => s + w * (1 + er[id]!) ** (1 / 12), 0)
    let mean = 500_000
    for (let m = 1; m <= 240; m++) mean = mean * g + 3_000 * 1.02 ** (m / 12)
    expect(rel(r.terminal.mean, mean)).toBeLessThan(0.01)
  })

  it('correlated buy-and-hold mix: mean within 1% of the closed form', () => {
    const r = simulate(
      { initialWealth: 1_000_000, horizonMonths: 180, allocation: ALL8, rebalancing: { kind: 'none' } },
      cma,
      {
        seed: 13,
        paths: 40_000,
      },
    )
    const mean = Object.entries(ALL8).reduce((s, [id, w]) => s + 1_000_000 * w * (1 + er[id]!) ** 15, 0)
    expect(rel(r.terminal.mean, mean)).toBeLessThan(0.01)
  })

  it('samples log returns whose correlations are within 0.02 of the input', () => {
    const c = compilePlan({ initialWealth: 1, horizonMonths: 480, allocation: ALL8 }, cma)
    const s = createScratch(c)
    const n = c.n
    const sum = new Float64Array(n)
    const cross = new Float64Array(n * n)
    let count = 0
    for (let p = 0; p < 250; p++) {
      seedStream(s.rng, 77, p)
      fillNormals(s.rng, s.z, 0, s.z.length)
      growthFactors(s.z, c.horizon, n, c.chol, c.mu)
      for (let m = 0; m < c.horizon; m++) {
        const x = Array.from({ length: n }, (_, i) => Math.log(s.z[i * c.horizon + m]!))
        for (let i = 0; i < n; i++) {
          sum[i]! += x[i]!
          for (let j = 0; j < n; j++) cross[i * n + j]! += x[i]! * x[j]!
        }
        count++
      }
    }
    const cov = (i: number, j: number) => cross[i * n + j]! / count - (sum[i]! / count) * (sum[j]! / count)
    for (let i = 0; i < n; i++) {
      const monthlySd = Math.sqrt(cov(i, i))
      const expectedSd = Math.sqrt(Math.log1p(cma.assetClasses[i]!.volatility ** 2 / (1 + er[c.ids[i]!]!) ** 2) / 12)
      expect(rel(monthlySd, expectedSd)).toBeLessThan(0.01)
      for (let j = 0; j < i; j++) {
        const sampled = cov(i, j) / Math.sqrt(cov(i, i) * cov(j, j))
        expect(Math.abs(sampled - cma.correlation[i]![j]!)).toBeLessThan(0.02)
      }
    }
  })

  it('percentile bands never cross', () => {
    const plans: SimulationPlanInput[] = [
      { initialWealth: 1_000_000, horizonMonths: 480, allocation: ALL8, rebalancing: { kind: 'annual' } },
      {
        initialWealth: 300_000,
        horizonMonths: 300,
        allocation: { csi300: 0.6, gold: 0.4 },
        rebalancing: { kind: 'threshold', band: 0.1 },
        cashFlows: [{ monthlyAmount: -2_500, startMonth: 13, endMonth: 300 }],
      },
    ]
    for (const plan of plans) {
      const r = simulate(plan, cma, { seed: 5, paths: 3_000 })
      for (const kind of ['nominal', 'real'] as const) {
        r.months.forEach((_, k) => {
          for (let q = 1; q < PERCENTILES.length; q++) {
            const lo = r.bands[kind][`p${PERCENTILES[q - 1]!}`][k]!
            expect(r.bands[kind][`p${PERCENTILES[q]!}`][k]!).toBeGreaterThanOrEqual(lo)
          }
        })
      }
      for (let k = 1; k <= 100; k++)
        expect(r.terminal.quantiles[k]!).toBeGreaterThanOrEqual(r.terminal.quantiles[k - 1]!)
    }
  })
})

import { describe, expect, it } from 'vitest'

import stressFile from '../../../assets/finance/stress-scenarios.json' with { type: 'json' }
import { DEFAULT_ASSUMPTIONS, lognormalParams } from '../../src/finance/assumptions.ts'
import { applyStress, DEFAULT_STRESS_SCENARIOS, loadStressScenarios, stressTestPlan } from '../../src/finance/stress.ts'

const byId = Object.fromEntries(DEFAULT_STRESS_SCENARIOS.map((s) => [s.id, s]))

describe('historical stress replays', () => {
  it('ships 2008, 2015, 2020 and 2022 with the peak-to-trough figures cited in finance.md §4', () => {
    expect(Object.keys(byId)).toEqual(['gfc2008', 'ashare2015', 'covid2020', 'bondsEquities2022'])
    expect(byId.gfc2008!.shocks.globalEquity).toMatchObject({ shock: -0.5678, basis: 'cited' })
    expect(byId.ashare2015!.shocks.csi300).toMatchObject({ shock: -0.4495, basis: 'cited' })
    expect(byId.covid2020!.shocks.globalEquity).toMatchObject({ shock: -0.3392, basis: 'cited' })
    expect(byId.bondsEquities2022!.shocks.govBonds!.shock).toBeLessThan(0)
    expect(byId.bondsEquities2022!.shocks.csi300!.shock).toBeLessThan(0)
    expect(1 - 676.53 / 1565.15).toBeCloseTo(0.5678, 4)
    expect(1 - 2850.71 / 5178.19).toBeCloseTo(0.4495, 4)
    expect(1 - 2237.4 / 3386.15).toBeCloseTo(0.3392, 4)
    for (const s of DEFAULT_STRESS_SCENARIOS) {
      expect(s.name['zh-CN']).toMatch(/[\u4e00-\u9fff]/)
      for (const shock of Object.values(s.shocks)) expect(shock.source.length).toBeGreaterThan(5)
    }
  })

  it('shows the loss in currency per asset class and in total', () => {
    const r = applyStress(byId.gfc2008!, { initialWealth: 1_000_000, allocation: { globalEquity: 0.6, govBonds: 0.4 } })
    expect(r.loss).toBeCloseTo(340_680, 6)
    expect(r.lossFraction).toBeCloseTo(0.34068, 12)
    expect(r.wealthAfter).toBeCloseTo(659_320, 6)
    expect(r.byAssetClass.map((a) => [a.id, a.weight, a.shock])).toEqual([
      ['govBonds', 0.4, 0],
      ['globalEquity', 0.6, -0.5678],
    ])
    expect(r.byAssetClass[0]!.loss).toBe(0)
    expect(r.byAssetClass[1]!.loss).toBeCloseTo(340_680, 6)
  })

  it('times the recovery at median returns', () => {
    const r = applyStress(byId.covid2020!, { initialWealth: 100, allocation: { globalEquity: 1 } })
    const { mu } = lognormalParams(0.065, 0.18)
    // (1 − 0.3392)·e^(μ·m/12) ≥ 1  ⇔  m ≥ 12·ln(1/0.6608)/μ
    expect(r.recoveryMonths).toBe(Math.ceil((12 * Math.log(1 / 0.6608)) / mu))
    const slower = applyStress(byId.covid2020!, {
      initialWealth: 100,
      allocation: { globalEquity: 1 },
      annualFee: 0.01,
    })
    expect(slower.recoveryMonths!).toBeGreaterThan(r.recoveryMonths!)
    expect(applyStress(byId.gfc2008!, { initialWealth: 100, allocation: { cash: 1 } }).recoveryMonths).toBe(0)
  })

  it('applies every scenario to a plan', () => {
    const results = stressTestPlan(
      { initialWealth: 500_000, allocation: { csi300: 0.5, govBonds: 0.5 } },
      DEFAULT_ASSUMPTIONS,
    )
    expect(results.map((r) => r.scenarioId)).toEqual(Object.keys(byId))
    for (const r of results) {
      expect(r.loss).toBeGreaterThan(0)
      expect(r.recoveryMonths).toBeGreaterThan(0)
    }
  })

  it('validates the file on load', () => {
    const f = structuredClone(stressFile) as { scenarios: { shocks: Record<string, unknown> }[] }
    delete f.scenarios[1]!.shocks.gold
    expect(() => loadStressScenarios(f)).toThrow(/ashare2015 has no shock for gold/)
  })
})

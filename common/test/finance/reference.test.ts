/// <reference types="node" />
/**
 * The engine against an independent numpy implementation (reference.py) on three plans. The two use different
 * random generators, so they are compared on large samples: 200,000 paths each keeps the sampling error of the
 * compared percentiles around 0.1–0.2%, well under the 1% tolerance.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { findNumpyPython } from '../../../scripts/python.mjs'
import { DEFAULT_ASSUMPTIONS as cma } from '../../src/finance/assumptions.ts'
import { simulate } from '../../src/finance/montecarlo.ts'
import type { SimulationPlanInput } from '../../src/finance/plan.ts'
import { ALL8 } from './fixtures.ts'
import { runReference, toReferencePlan, type ReferenceResult } from './reference.ts'

const PATHS = 200_000

const PLANS: Record<string, SimulationPlanInput> = {
  // lump sum in four asset classes, rebalanced monthly
  balanced: {
    initialWealth: 1_000_000,
    horizonMonths: 60,
    allocation: { govBonds: 0.3, fixedIncomePlus: 0.2, csi300: 0.3, globalEquity: 0.2 },
    rebalancing: { kind: 'monthly' },
  },
  // all eight asset classes, indexed monthly saving, annual rebalancing, a target and a withdrawal goal
  saver: {
    initialWealth: 200_000,
    horizonMonths: 72,
    allocation: ALL8,
    rebalancing: { kind: 'annual' },
    cashFlows: [{ monthlyAmount: 3_000, startMonth: 1, endMonth: 72 }],
    goals: [
      { id: 'car', month: 48, amount: 330_000, withdraw: false },
      { id: 'deposit', month: 60, amount: 60_000 },
    ],
  },
  // indexed withdrawals, a fee, threshold rebalancing and a gift
  retiree: {
    initialWealth: 2_000_000,
    horizonMonths: 96,
    allocation: { cash: 0.1, govBonds: 0.35, creditBonds: 0.2, csi300: 0.25, gold: 0.1 },
    rebalancing: { kind: 'threshold', band: 0.05 },
    annualFee: 0.005,
    cashFlows: [{ monthlyAmount: -8_000, startMonth: 1, endMonth: 96 }],
    goals: [{ id: 'gift', month: 60, amount: 100_000 }],
  },
}

let python: string | undefined
let reference: Promise<ReferenceResult[]> | undefined

beforeAll(() => {
  python = findNumpyPython({ install: true })
  // the reference runs in a child process while the engine runs here
  if (python) {
    const plans = Object.entries(PLANS).map(([name, plan]) => toReferencePlan(name, plan, cma, 7, PATHS))
    reference = runReference(python, plans).then((r) => r.results)
  }
}, 600_000)

describe('numpy reference implementation', () => {
  it.each(Object.keys(PLANS))(
    '%s: median, 5th and 95th percentiles agree within 1% at every year',
    async (name) => {
      if (!python || !reference) {
        throw new Error(
          "The numpy reference needs Python 3 with numpy and none could be found or installed: install Debian's " +
            'python3-numpy (apt-get install python3-numpy), or `pip install numpy`, or set PYTHON to such an interpreter.',
        )
      }
      const js = simulate(PLANS[name]!, cma, { seed: 20250601, paths: PATHS })
      const ref = (await reference).find((r) => r.name === name)!
      expect(ref.months).toEqual(js.months)
      for (const q of ['p5', 'p50', 'p95'] as const) {
        js.months.forEach((month, k) => {
          const a = js.bands.nominal[q][k]!
          const b = ref.percentiles[q]![k]!
          expect(Math.abs(a / b - 1), `${q} at month ${month}: engine ${a}, numpy ${b}`).toBeLessThan(0.01)
        })
      }
      js.meanNominal.forEach((a, k) => expect(Math.abs(a / ref.mean[k]! - 1)).toBeLessThan(0.01))
      js.goals.forEach((g, i) => expect(Math.abs(g.probability - ref.goals[i]!.probability)).toBeLessThan(0.01))
      expect(Math.abs(js.maxDrawdown.percentiles.p50 - ref.maxDrawdown.p50!)).toBeLessThan(0.005)
    },
    600_000,
  )
})

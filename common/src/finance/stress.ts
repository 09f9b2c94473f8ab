/**
 * Historical stress replays (finance.md §4): per-asset-class shocks from assets/finance/stress-scenarios.json,
 * applied at once to a plan's allocation. Reports the loss in currency and the months to climb back to the
 * pre-shock value when every asset class then earns its median return.
 */
import { z } from 'zod'

import stressFile from '../../../assets/finance/stress-scenarios.json' with { type: 'json' }
import { DEFAULT_ASSUMPTIONS, lognormalParams, type CapitalMarketAssumptions } from './assumptions.ts'
import { expDet, log1pDet } from './detmath.ts'
import { MAX_HORIZON_MONTHS } from './plan.ts'
import { DataId, describeIssues, FinanceDataError, LocalizedText } from './text.ts'

/** Where a shock figure comes from: finance.md, a source named in the file, other shocks, or a guess. */
export const SHOCK_BASES = ['cited', 'secondary', 'derived', 'guess'] as const

/** One historical scenario: its period, description and a shock per asset class. */
export const StressScenarioSchema = z.strictObject({
  id: DataId,
  name: LocalizedText,
  period: z.strictObject({ start: z.iso.date(), end: z.iso.date() }),
  description: LocalizedText,
  /** Peak-to-trough price change per asset class id, e.g. −0.5678. */
  shocks: z.record(
    DataId,
    z.strictObject({ shock: z.number().min(-1).max(1), basis: z.enum(SHOCK_BASES), source: z.string().min(1) }),
  ),
})
export type StressScenario = z.infer<typeof StressScenarioSchema>

/** The stress scenario file format. */
export const StressFileSchema = z.strictObject({
  version: z.literal(1),
  source: z.string(),
  scenarios: z.array(StressScenarioSchema).min(1),
})

/** Validates a scenario file: schema, unique ids, and a shock for every asset class of `assumptions`. */
export function loadStressScenarios(
  json: unknown,
  assumptions: CapitalMarketAssumptions = DEFAULT_ASSUMPTIONS,
  file = 'stress scenarios',
): StressScenario[] {
  const parsed = StressFileSchema.safeParse(json)
  if (!parsed.success) throw new FinanceDataError(describeIssues(file, parsed.error))
  const ids = new Set<string>()
  for (const s of parsed.data.scenarios) {
    if (ids.has(s.id)) throw new FinanceDataError(`${file}: scenario "${s.id}" appears twice`)
    ids.add(s.id)
    const missing = assumptions.assetClasses.filter((a) => !s.shocks[a.id]).map((a) => a.id)
    if (missing.length) throw new FinanceDataError(`${file}: ${s.id} has no shock for ${missing.join(', ')}`)
  }
  return parsed.data.scenarios
}

/** The shipped scenarios: 2008, 2015, 2020, 2022. */
export const DEFAULT_STRESS_SCENARIOS: StressScenario[] = loadStressScenarios(
  stressFile,
  DEFAULT_ASSUMPTIONS,
  'assets/finance/stress-scenarios.json',
)

/** What a stress test needs from a plan (a SimulationPlan fits). */
export interface StressInput {
  initialWealth: number
  allocation: Record<string, number>
  annualFee?: number
}

/** A scenario applied to a plan. */
export interface StressResult {
  scenarioId: string
  name: LocalizedText
  wealthBefore: number
  wealthAfter: number
  /** Loss in currency (positive) and as a fraction of wealth. */
  loss: number
  lossFraction: number
  byAssetClass: { id: string; weight: number; shock: number; loss: number }[]
  /** Months until wealth is back to `wealthBefore` at median returns, 0 without a loss, null if beyond 100 years. */
  recoveryMonths: number | null
}

/**
 * Applies `scenario` to the allocation. Afterwards each holding grows at its asset class's median monthly return
 * exp(μ/12) net of the fee (μ from `lognormalParams`), without rebalancing or cash flows, to time the recovery.
 */
export function applyStress(
  scenario: StressScenario,
  input: StressInput,
  assumptions: CapitalMarketAssumptions = DEFAULT_ASSUMPTIONS,
): StressResult {
  const known = assumptions.assetClasses.map((a) => a.id)
  const unknown = Object.keys(input.allocation).filter((id) => !known.includes(id))
  if (unknown.length) throw new FinanceDataError(`allocation names unknown asset classes: ${unknown.join(', ')}`)
  const feeLog = input.annualFee ? log1pDet(-input.annualFee) / 12 : 0
  const before = input.initialWealth
  const rows = assumptions.assetClasses
    .filter((a) => (input.allocation[a.id] ?? 0) > 0)
    .map((a) => {
      const weight = input.allocation[a.id]!
      const shock = scenario.shocks[a.id]?.shock ?? 0
      const growth = expDet(lognormalParams(a.expectedReturn, a.volatility).mu / 12 + feeLog)
      return {
        id: a.id,
        weight,
        shock,
        loss: before * weight * (0 - shock),
        holding: before * weight * (1 + shock),
        growth,
      }
    })
  const after = rows.reduce((s, r) => s + r.holding, 0)
  let recoveryMonths: number | null = 0
  if (after < before) {
    recoveryMonths = null
    const h = rows.map((r) => r.holding)
    for (let m = 1; m <= MAX_HORIZON_MONTHS; m++) {
      let w = 0
      rows.forEach((r, i) => (w += h[i]! *= r.growth))
      if (w >= before) {
        recoveryMonths = m
        break
      }
    }
  }
  return {
    scenarioId: scenario.id,
    name: scenario.name,
    wealthBefore: before,
    wealthAfter: after,
    loss: before - after,
    lossFraction: before > 0 ? (before - after) / before : 0,
    byAssetClass: rows.map(({ id, weight, shock, loss }) => ({ id, weight, shock, loss })),
    recoveryMonths,
  }
}

/** Every scenario applied to the plan. */
export function stressTestPlan(
  input: StressInput,
  assumptions: CapitalMarketAssumptions = DEFAULT_ASSUMPTIONS,
  scenarios: readonly StressScenario[] = DEFAULT_STRESS_SCENARIOS,
): StressResult[] {
  return scenarios.map((s) => applyStress(s, input, assumptions))
}

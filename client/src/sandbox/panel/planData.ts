/**
 * The planner's own plan: allocation in whole percent, the inputs and a seed fixed per plan, so that the same
 * saved plan always projects the same way. Saved as the `data` of POST /api/me/plans and validated on load.
 */
import {
  checkPlanSuitability,
  DEFAULT_ASSET_CLASS_IDS,
  DEFAULT_ASSUMPTIONS,
  DEFAULT_PRODUCTS,
  type Holding,
  type PlanSuitabilityCheck,
  type RiskAssessment,
  type SimulationPlanInput,
} from '@atrium/common'
import { z } from 'zod'

import { allocationTotal, normalizeAllocation, presetAllocation, type Allocation } from './allocation.ts'

export const PlanInputsSchema = z.strictObject({
  initial: z.number().finite().min(0).max(1e11),
  monthly: z.number().finite().min(0).max(1e9),
  years: z.int().min(1).max(50),
  goalAmount: z.number().finite().min(0).max(1e12),
  /** Years from now; at most `years`. */
  goalYear: z.int().min(1).max(50),
})
export type PlanInputs = z.infer<typeof PlanInputsSchema>

export const SandboxPlanDataSchema = z.strictObject({
  allocation: z.record(z.string(), z.int().min(0).max(100)),
  inputs: PlanInputsSchema,
  seed: z
    .int()
    .min(0)
    .max(2 ** 31),
})
export type SandboxPlanData = z.infer<typeof SandboxPlanDataSchema>

export const DEFAULT_INPUTS: PlanInputs = {
  initial: 100_000,
  monthly: 2_000,
  years: 10,
  goalAmount: 400_000,
  goalYear: 10,
}

/** A fresh seed for a new plan. */
export function newSeed(): number {
  return Math.floor(Math.random() * 2 ** 31)
}

/** A new plan with the balanced preset. */
export function newPlanData(seed = newSeed()): SandboxPlanData {
  return { allocation: presetAllocation('balanced'), inputs: DEFAULT_INPUTS, seed }
}

/** Reads a saved plan's data; undefined when it is not a planner plan. */
export function parsePlanData(data: unknown): SandboxPlanData | undefined {
  const parsed = SandboxPlanDataSchema.safeParse(data)
  if (!parsed.success) return undefined
  const allocation = normalizeAllocation(parsed.data.allocation)
  if (allocationTotal(allocation) !== 100) return undefined
  const inputs = { ...parsed.data.inputs, goalYear: Math.min(parsed.data.inputs.goalYear, parsed.data.inputs.years) }
  return { ...parsed.data, allocation, inputs }
}

/** The engine's plan: annual rebalancing, contributions in today's money, one goal checked (not withdrawn). */
export function toSimulationPlan(data: SandboxPlanData): SimulationPlanInput {
  const { inputs } = data
  const horizonMonths = inputs.years * 12
  const allocation = Object.fromEntries(
    Object.entries(data.allocation)
      .filter(([, pct]) => pct > 0)
      .map(([id, pct]) => [id, pct / 100]),
  )
  return {
    initialWealth: inputs.initial,
    horizonMonths,
    allocation,
    rebalancing: { kind: 'annual' },
    cashFlows:
      inputs.monthly > 0
        ? [{ monthlyAmount: inputs.monthly, startMonth: 1, endMonth: horizonMonths, indexed: true }]
        : [],
    goals:
      inputs.goalAmount > 0
        ? [
            {
              id: 'goal',
              month: Math.min(inputs.goalYear, inputs.years) * 12,
              amount: inputs.goalAmount,
              withdraw: false,
            },
          ]
        : [],
  }
}

/**
 * Holdings that stand for an allocation: per asset class the lowest-rated product that holds only that class, so
 * the plan's risk comes from the product catalogue's ratings.
 */
export function representativeHoldings(allocation: Allocation): Holding[] {
  return Object.entries(allocation)
    .filter(([, pct]) => pct > 0)
    .flatMap(([id, pct]) => {
      const product = DEFAULT_PRODUCTS.products
        .filter((p) => Object.keys(p.exposures).length === 1 && (p.exposures[id] ?? 0) === 1)
        .sort((a, b) => a.risk.localeCompare(b.risk))[0]
      return product ? [{ productId: product.id, weight: pct / 100 }] : []
    })
}

/** Plan risk (highest product rating) and suitability against the customer's assessment, if any. */
export function planSuitability(
  allocation: Allocation,
  assessment: RiskAssessment | undefined,
): PlanSuitabilityCheck | undefined {
  const holdings = representativeHoldings(allocation)
  if (holdings.length === 0) return undefined
  return checkPlanSuitability(assessment, holdings, DEFAULT_PRODUCTS)
}

/** Expected arithmetic return and a volatility ignoring diversification, for the comparison table. */
export function expectedReturn(allocation: Allocation): number {
  return DEFAULT_ASSUMPTIONS.assetClasses.reduce((s, a) => s + ((allocation[a.id] ?? 0) / 100) * a.expectedReturn, 0)
}

/** Asset class ids of the planner, in assumptions order. */
export const ASSET_CLASS_IDS = DEFAULT_ASSET_CLASS_IDS

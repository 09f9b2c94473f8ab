/**
 * The planner's plan: allocation in whole percent, the inputs and a seed fixed per plan, so that the same saved plan
 * always projects the same way. Shared by the browser panel, the shared sandbox room and the server's PDF report, so
 * that all three read, check and simulate a plan identically.
 */
import { z } from 'zod'

import { DEFAULT_ASSET_CLASS_IDS, DEFAULT_ASSUMPTIONS } from '../finance/assumptions.ts'
import type { SimulationPlanInput } from '../finance/plan.ts'
import { DEFAULT_PRODUCTS, type Holding } from '../finance/products.ts'
import { assessRisk, DEFAULT_QUESTIONNAIRE, type Answers, type RiskAssessment } from '../finance/questionnaire.ts'
import { checkPlanSuitability, type PlanSuitabilityCheck } from '../finance/suitability.ts'
import { FinanceDataError } from '../finance/text.ts'
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
  // at most one entry per asset class: the record's size is bounded before normalisation looks at it
  allocation: z
    .record(z.string().max(32), z.int().min(0).max(100))
    .refine((r) => Object.keys(r).length <= DEFAULT_ASSET_CLASS_IDS.length, 'too many asset classes'),
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

/**
 * Reads a plan's data; undefined when it is not a planner plan (unknown asset classes, a total other than 100).
 * The result is canonical: every asset class in assumptions order, the goal year within the horizon.
 */
export function parsePlanData(data: unknown): SandboxPlanData | undefined {
  const parsed = SandboxPlanDataSchema.safeParse(data)
  if (!parsed.success) return undefined
  if (Object.keys(parsed.data.allocation).some((id) => !DEFAULT_ASSET_CLASS_IDS.includes(id))) return undefined
  if (allocationTotal(parsed.data.allocation) !== 100) return undefined
  const allocation = normalizeAllocation(parsed.data.allocation)
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
  now: Date | number | string = Date.now(),
): PlanSuitabilityCheck | undefined {
  const holdings = representativeHoldings(allocation)
  if (holdings.length === 0) return undefined
  return checkPlanSuitability(assessment, holdings, DEFAULT_PRODUCTS, now)
}

/** Expected arithmetic return and a volatility ignoring diversification, for the comparison table. */
export function planExpectedReturn(allocation: Allocation): number {
  return DEFAULT_ASSUMPTIONS.assetClasses.reduce((s, a) => s + ((allocation[a.id] ?? 0) / 100) * a.expectedReturn, 0)
}

/**
 * A stored risk profile (option index per question, as PUT /api/me/profile keeps it) scored as at the time it was
 * saved; undefined when the questionnaire is incomplete. The browser and the server score it the same way.
 */
export function assessmentFromProfile(profile: {
  answers: Record<string, number>
  updatedAt: number
}): RiskAssessment | undefined {
  const answers: Answers = {}
  for (const q of DEFAULT_QUESTIONNAIRE.questions) {
    const index = profile.answers[q.id]
    const option = index === undefined ? undefined : q.options[index]
    if (option) answers[q.id] = option.id
  }
  try {
    return assessRisk(DEFAULT_QUESTIONNAIRE, answers, profile.updatedAt)
  } catch (e) {
    if (e instanceof FinanceDataError) return undefined
    throw e
  }
}

/** Whether a plan check needs the customer's recorded confirmation before the plan is saved or a change accepted. */
export function needsConfirmation(check: PlanSuitabilityCheck | undefined): boolean {
  return check?.status === 'mismatch' || check?.status === 'expired'
}

/**
 * The identity of what a customer confirms: the same risk, category and assessment date need no second
 * confirmation, a riskier plan or a renewed questionnaire does.
 */
export function confirmationKey(check: Pick<PlanSuitabilityCheck, 'status' | 'risk' | 'category' | 'assessedAt'>) {
  return `${check.status}|${check.risk}|${check.category ?? '-'}|${check.assessedAt ?? '-'}`
}

/**
 * A wealth plan as the Monte Carlo engine reads it, and its compilation into flat arrays for the hot loop.
 *
 * Timing (month m = 1..horizonMonths): returns of month m accrue first, then the month's cash flows are paid at its
 * end, then goals due in month m are checked (and withdrawn), then the portfolio is rebalanced if due. Amounts in
 * today's money (`indexed` flows, `real` goals) grow with inflation as (1 + π)^(m/12).
 */
import { z } from 'zod'

import { lognormalParams, type CapitalMarketAssumptions } from './assumptions.ts'
import { expDet, log1pDet } from './detmath.ts'
import { choleskyPsd } from './linalg.ts'
import { DataId, FinanceDataError, LocalizedText } from './text.ts'

/** Longest simulated horizon: 100 years. */
export const MAX_HORIZON_MONTHS = 1200

/** When holdings are brought back to the target weights. Contributions always buy at the target weights. */
export const RebalancingSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('monthly') }),
  z.strictObject({ kind: z.literal('annual') }),
  /** Checked monthly: rebalance when any weight is more than `band` (absolute, e.g. 0.05) off target. */
  z.strictObject({ kind: z.literal('threshold'), band: z.number().gt(0).lt(1) }),
])
export type Rebalancing = z.infer<typeof RebalancingSchema>

/** A regular monthly cash flow: positive contributes, negative withdraws (pro rata to holdings). */
export const CashFlowSchema = z.strictObject({
  label: LocalizedText.optional(),
  monthlyAmount: z.number().finite().min(-1e12).max(1e12),
  /** First and last month (inclusive, 1-based) in which the flow is paid at month end. */
  startMonth: z.int().min(1).max(MAX_HORIZON_MONTHS),
  endMonth: z.int().min(1).max(MAX_HORIZON_MONTHS),
  /** true: `monthlyAmount` is in today's money and grows with inflation. */
  indexed: z.boolean().default(true),
})
export type CashFlow = z.infer<typeof CashFlowSchema>

/**
 * A goal: at the end of `month`, wealth should be at least `amount`. With `withdraw`, the amount is then spent,
 * or all of the wealth when it falls short.
 */
export const GoalSchema = z.strictObject({
  id: DataId,
  name: LocalizedText.optional(),
  month: z.int().min(1).max(MAX_HORIZON_MONTHS),
  amount: z.number().finite().positive(),
  /** true: `amount` is in today's money and grows with inflation. */
  real: z.boolean().default(true),
  withdraw: z.boolean().default(true),
})
export type Goal = z.infer<typeof GoalSchema>

/** Simulation input: a plan over asset classes (ids from the assumptions). */
export const SimulationPlanSchema = z
  .strictObject({
    initialWealth: z.number().finite().min(0).max(1e13),
    horizonMonths: z.int().min(1).max(MAX_HORIZON_MONTHS),
    /** Target weights by asset class id; they must sum to 1. */
    allocation: z.record(DataId, z.number().min(0).max(1)),
    rebalancing: RebalancingSchema.default({ kind: 'annual' }),
    /** Annual inflation; defaults to the assumptions' expected inflation. */
    inflation: z.number().gt(-0.1).lt(0.5).optional(),
    /** Annual fee taken monthly as a fraction of wealth (e.g. 0.005). */
    annualFee: z.number().min(0).lt(0.2).default(0),
    cashFlows: z.array(CashFlowSchema).max(64).default([]),
    goals: z.array(GoalSchema).max(32).default([]),
  })
  .superRefine((p, ctx) => {
    const sum = Object.values(p.allocation).reduce((a, b) => a + b, 0)
    if (Math.abs(sum - 1) > 1e-6) ctx.addIssue({ code: 'custom', path: ['allocation'], message: `sums to ${sum}` })
    p.cashFlows.forEach((f, i) => {
      if (f.endMonth < f.startMonth || f.endMonth > p.horizonMonths) {
        ctx.addIssue({ code: 'custom', path: ['cashFlows', i], message: 'months must satisfy start <= end <= horizon' })
      }
    })
    p.goals.forEach((g, i) => {
      if (g.month > p.horizonMonths) ctx.addIssue({ code: 'custom', path: ['goals', i], message: 'after the horizon' })
      if (p.goals.findIndex((o) => o.id === g.id) !== i) {
        ctx.addIssue({ code: 'custom', path: ['goals', i, 'id'], message: `duplicate goal id "${g.id}"` })
      }
    })
  })
export type SimulationPlan = z.output<typeof SimulationPlanSchema>
export type SimulationPlanInput = z.input<typeof SimulationPlanSchema>

/** Rebalancing codes used by the kernel. */
export const REBALANCE = { none: 0, monthly: 1, annual: 2, threshold: 3 } as const

/** A plan compiled against assumptions: everything the per-path loop needs, computed once. */
export interface CompiledPlan {
  plan: SimulationPlan
  /** Asset classes with a positive weight, in assumptions order; only these are simulated. */
  ids: string[]
  n: number
  weights: Float64Array
  /** Monthly log drift per asset, net of the fee. */
  mu: Float64Array
  /** diag(monthly σ)·L, lower-triangular n·n: monthly log return = mu + chol·z. */
  chol: Float64Array
  horizon: number
  initialWealth: number
  inflation: number
  /** Net nominal cash flow paid at the end of month m+1 (index m). */
  flows: Float64Array
  /** 1/(1 + π)^(month/12) for month m+1 (index m), to state shortfalls in today's money. */
  monthDeflator: Float64Array
  /** Months (from 0) at which wealth is stored per path: every 12 months, plus the horizon. */
  checkpoints: Int32Array
  rebalance: number
  band: number
  /** Goals sorted by month (stable); `index` is the goal's position in plan.goals. */
  goals: { index: number; month: number; target: number; withdraw: boolean }[]
}

/** Validates `input` and compiles it against `assumptions`. Throws FinanceDataError with a readable message. */
export function compilePlan(input: SimulationPlanInput, assumptions: CapitalMarketAssumptions): CompiledPlan {
  const parsed = SimulationPlanSchema.safeParse(input)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    throw new FinanceDataError(`invalid simulation plan: ${lines.join('; ')}`)
  }
  const plan = parsed.data
  const known = assumptions.assetClasses.map((a) => a.id)
  const unknown = Object.keys(plan.allocation).filter((id) => !known.includes(id))
  if (unknown.length) throw new FinanceDataError(`allocation names unknown asset classes: ${unknown.join(', ')}`)
  const active = known.map((id, i) => ({ id, i, w: plan.allocation[id] ?? 0 })).filter((a) => a.w > 0)
  const n = active.length
  const feeLog = plan.annualFee > 0 ? log1pDet(-plan.annualFee) / 12 : 0
  const mu = new Float64Array(n)
  const sig = new Float64Array(n)
  active.forEach((a, k) => {
    const ac = assumptions.assetClasses[a.i]!
    const p = lognormalParams(ac.expectedReturn, ac.volatility)
    mu[k] = p.mu / 12 + feeLog
    sig[k] = p.sigma / Math.sqrt(12)
  })
  const corr = active.map((a) => active.map((b) => assumptions.correlation[a.i]![b.i]!))
  const l = choleskyPsd(corr)
  const chol = new Float64Array(n * n)
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) chol[i * n + j] = sig[i]! * l[i * n + j]!

  const H = plan.horizonMonths
  const inflation = plan.inflation ?? assumptions.inflation
  const index = (m: number) => inflationIndex(inflation, m)
  const flows = new Float64Array(H)
  for (const f of plan.cashFlows) {
    for (let m = f.startMonth; m <= f.endMonth; m++)
      flows[m - 1]! += f.indexed ? f.monthlyAmount * index(m) : f.monthlyAmount
  }
  const monthDeflator = new Float64Array(H)
  for (let m = 1; m <= H; m++) monthDeflator[m - 1] = 1 / index(m)
  const cps: number[] = []
  for (let m = 0; m <= H; m += 12) cps.push(m)
  if (H % 12 !== 0) cps.push(H)
  const goals = plan.goals
    .map((g, i) => ({
      index: i,
      month: g.month,
      target: g.real ? g.amount * index(g.month) : g.amount,
      withdraw: g.withdraw,
    }))
    .sort((a, b) => a.month - b.month || a.index - b.index)
  return {
    plan,
    ids: active.map((a) => a.id),
    n,
    weights: Float64Array.from(active.map((a) => a.w / active.reduce((s, b) => s + b.w, 0))),
    mu,
    chol,
    horizon: H,
    initialWealth: plan.initialWealth,
    inflation,
    flows,
    monthDeflator,
    checkpoints: Int32Array.from(cps),
    rebalance: REBALANCE[plan.rebalancing.kind],
    band: plan.rebalancing.kind === 'threshold' ? plan.rebalancing.band : 0,
    goals,
  }
}

/** Inflation index (1 + π)^(months/12), the factor that turns today's money into money of that month. */
export function inflationIndex(inflation: number, months: number): number {
  return expDet((log1pDet(inflation) / 12) * months)
}

/// <reference types="node" />
/**
 * Runs the numpy reference (reference.py) on plans described the way the engine reads them. Shared by the
 * reference test and the finance benchmark.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

import type { CapitalMarketAssumptions } from '../../src/finance/assumptions.ts'
import { SimulationPlanSchema, type SimulationPlanInput } from '../../src/finance/plan.ts'

/** Path of the reference script. */
export const REFERENCE_SCRIPT = fileURLToPath(new URL('./reference.py', import.meta.url))

/** What reference.py reads for one plan: raw assumptions for the assets in the plan, no derived values. */
export interface ReferencePlan {
  name: string
  seed: number
  paths: number
  initialWealth: number
  horizonMonths: number
  inflation: number
  annualFee: number
  assets: { id: string; expectedReturn: number; volatility: number }[]
  correlation: number[][]
  weights: number[]
  rebalancing: { kind: string; band?: number }
  cashFlows: { monthlyAmount: number; startMonth: number; endMonth: number; indexed: boolean }[]
  goals: { id: string; month: number; amount: number; real: boolean; withdraw: boolean }[]
}

/** One plan's output from reference.py. */
export interface ReferenceResult {
  name: string
  paths: number
  months: number[]
  percentiles: Record<string, number[]>
  mean: number[]
  goals: { id: string; probability: number }[]
  maxDrawdown: Record<string, number>
  seconds: number
}

/** Describes `input` for reference.py, taking the raw inputs (returns, volatilities, correlations) from `cma`. */
export function toReferencePlan(
  name: string,
  input: SimulationPlanInput,
  cma: CapitalMarketAssumptions,
  seed: number,
  paths: number,
): ReferencePlan {
  const plan = SimulationPlanSchema.parse(input)
  const idx = cma.assetClasses.map((a, i) => ({ a, i })).filter(({ a }) => (plan.allocation[a.id] ?? 0) > 0)
  return {
    name,
    seed,
    paths,
    initialWealth: plan.initialWealth,
    horizonMonths: plan.horizonMonths,
    inflation: plan.inflation ?? cma.inflation,
    annualFee: plan.annualFee,
    assets: idx.map(({ a }) => ({ id: a.id, expectedReturn: a.expectedReturn, volatility: a.volatility })),
    correlation: idx.map(({ i }) => idx.map(({ i: j }) => cma.correlation[i]![j]!)),
    weights: idx.map(({ a }) => plan.allocation[a.id]!),
    rebalancing: plan.rebalancing,
    cashFlows: plan.cashFlows.map(({ monthlyAmount, startMonth, endMonth, indexed }) => ({
      monthlyAmount,
      startMonth,
      endMonth,
      indexed,
    })),
    goals: plan.goals.map(({ id, month, amount, real, withdraw }) => ({ id, month, amount, real, withdraw })),
  }
}

/** Runs reference.py with `python` on `plans`; resolves with its parsed output. */
export function runReference(
  python: string,
  plans: ReferencePlan[],
): Promise<{ numpy: string; peakRssBytes: number; results: ReferenceResult[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, [REFERENCE_SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`reference.py exited with ${code}: ${err.trim()}`))
      else resolve(JSON.parse(out))
    })
    child.stdin.end(JSON.stringify({ plans }))
  })
}

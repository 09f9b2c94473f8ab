/**
 * The Monte Carlo hot loop. Per path: seed its own stream, draw all normals for the horizon into a reused buffer,
 * turn them into correlated monthly growth factors in place, then walk the months. Only what the outputs need is
 * kept per path (wealth at each checkpoint, max drawdown, wealth at each goal, depletion, unmet withdrawals), so
 * memory is O(paths × checkpoints), never O(paths × months).
 */
import { expAccumulate, expInPlace } from './detmath.ts'
import { REBALANCE, type CompiledPlan } from './plan.ts'
import { fillNormals, seedStream } from './prng.ts'

/** Per-path results, filled by `simulatePaths`. */
export interface PathStore {
  paths: number
  /** Checkpoints per path (see CompiledPlan.checkpoints). */
  cols: number
  /** Nominal wealth, path-major: wealth[p * cols + k]. */
  wealth: Float64Array
  /** Largest fall from a running peak of monthly wealth, 0..1. */
  maxDrawdown: Float64Array
  /** Wealth at each goal's month before its withdrawal, path-major by plan goal index. */
  goalWealth: Float64Array
  /** First month a withdrawal could not be paid in full; 0 if never. */
  depletedMonth: Int32Array
  /** Sum of unpaid withdrawals, in today's money. */
  unmetReal: Float64Array
}

/** Buffers reused across paths. */
export interface KernelScratch {
  rng: Uint32Array
  /** Normals, then growth factors, asset-major: z[i * horizon + m]. */
  z: Float64Array
  /** Monthly growth of the whole portfolio (monthly rebalancing only). */
  growth: Float64Array
  holdings: Float64Array
  goalMonth: Int32Array
  goalTarget: Float64Array
  goalWithdraw: Uint8Array
  goalIndex: Int32Array
}

/** Allocates the per-path store for `paths` paths. */
export function createPathStore(c: CompiledPlan, paths: number): PathStore {
  const cols = c.checkpoints.length
  return {
    paths,
    cols,
    wealth: new Float64Array(paths * cols),
    maxDrawdown: new Float64Array(paths),
    goalWealth: new Float64Array(paths * c.goals.length),
    depletedMonth: new Int32Array(paths),
    unmetReal: new Float64Array(paths),
  }
}

/** Allocates the reusable buffers for one simulation. */
export function createScratch(c: CompiledPlan): KernelScratch {
  return {
    rng: new Uint32Array(4),
    z: new Float64Array(c.horizon * c.n),
    growth: new Float64Array(c.horizon),
    holdings: new Float64Array(c.n),
    goalMonth: Int32Array.from(c.goals.map((g) => g.month)),
    goalTarget: Float64Array.from(c.goals.map((g) => g.target)),
    goalWithdraw: Uint8Array.from(c.goals.map((g) => (g.withdraw ? 1 : 0))),
    goalIndex: Int32Array.from(c.goals.map((g) => g.index)),
  }
}

/**
 * Replaces the normals in z (asset-major: z[i * months + m]) by monthly growth factors exp(mu + chol·z).
 * Row i of the lower-triangular factor reads only columns 0..i, so going from the last asset down works in place.
 * Each column is built by long multiply-add passes over the months, four source columns at a time: independent
 * iterations that the CPU overlaps, unlike a dot product per month whose additions wait on each other.
 * With `portfolio`, the growth factors are not stored: growth[m] = Σ_i w_i·g_i[m] is accumulated instead, the
 * growth of a portfolio rebalanced to w every month (the column is not needed afterwards).
 */
export function growthFactors(
  z: Float64Array,
  months: number,
  n: number,
  chol: Float64Array,
  mu: Float64Array,
  portfolio?: { weights: Float64Array; growth: Float64Array },
): void {
  if (portfolio) portfolio.growth.fill(0)
  for (let i = n - 1; i >= 0; i--) {
    const oi = i * months
    const row = i * n
    const a = chol[row + i]!
    const drift = mu[i]!
    for (let m = 0; m < months; m++) z[oi + m] = drift + a * z[oi + m]!
    let j = 0
    for (; j + 3 < i; j += 4) {
      const b0 = chol[row + j]!
      const b1 = chol[row + j + 1]!
      const b2 = chol[row + j + 2]!
      const b3 = chol[row + j + 3]!
      const o0 = j * months
      const o1 = o0 + months
      const o2 = o1 + months
      const o3 = o2 + months
      for (let m = 0; m < months; m++) {
        z[oi + m]! += b0 * z[o0 + m]! + b1 * z[o1 + m]! + b2 * z[o2 + m]! + b3 * z[o3 + m]!
      }
    }
    for (; j < i; j++) {
      const b = chol[row + j]!
      const o = j * months
      for (let m = 0; m < months; m++) z[oi + m]! += b * z[o + m]!
    }
    if (portfolio) expAccumulate(z, oi, portfolio.weights[i]!, portfolio.growth)
    else expInPlace(z, oi, oi + months)
  }
}

/** Simulates paths [from, to) with `seed`, writing into `out`. Results do not depend on how paths are chunked. */
export function simulatePaths(
  c: CompiledPlan,
  seed: number,
  from: number,
  to: number,
  out: PathStore,
  s: KernelScratch,
): void {
  const { n, horizon, weights: w, flows, checkpoints: cp, rebalance, band, monthDeflator } = c
  const { z, growth, holdings: h, rng, goalMonth, goalTarget, goalWithdraw, goalIndex } = s
  const cols = out.cols
  const goals = goalMonth.length
  const monthly = rebalance === REBALANCE.monthly
  const portfolio = monthly ? { weights: w, growth } : undefined
  const annual = rebalance === REBALANCE.annual
  const threshold = rebalance === REBALANCE.threshold
  for (let p = from; p < to; p++) {
    seedStream(rng, seed, p)
    fillNormals(rng, z, 0, horizon * n)
    growthFactors(z, horizon, n, c.chol, c.mu, portfolio)
    let wealth = c.initialWealth
    if (!monthly) for (let i = 0; i < n; i++) h[i] = wealth * w[i]!
    let peak = wealth
    let mdd = 0
    let unmet = 0
    let depleted = 0
    let col = 1
    let nextCp = cols > 1 ? cp[1]! : -1
    let gi = 0
    let nextGoal = goals > 0 ? goalMonth[0]! : -1
    out.wealth[p * cols] = wealth
    for (let m = 0; m < horizon; m++) {
      // returns; with monthly rebalancing the holdings are implicitly wealth × target weights
      if (monthly) {
        wealth *= growth[m]!
      } else {
        wealth = 0
        for (let i = 0; i < n; i++) {
          const v = h[i]! * z[i * horizon + m]!
          h[i] = v
          wealth += v
        }
      }
      const f = flows[m]!
      if (f > 0) {
        if (!monthly) for (let i = 0; i < n; i++) h[i]! += f * w[i]!
        wealth += f
      } else if (f < 0) {
        const after = wealth + f
        if (after > 0) {
          if (!monthly) for (let i = 0; i < n; i++) h[i]! *= after / wealth
          wealth = after
        } else {
          unmet -= after * monthDeflator[m]!
          if (depleted === 0) depleted = m + 1
          wealth = 0
          if (!monthly) h.fill(0)
        }
      }
      while (m + 1 === nextGoal) {
        out.goalWealth[p * goals + goalIndex[gi]!] = wealth
        if (goalWithdraw[gi] === 1) {
          const after = wealth - goalTarget[gi]!
          const k = after > 0 ? after / wealth : 0
          if (!monthly) for (let i = 0; i < n; i++) h[i]! *= k
          wealth = after > 0 ? after : 0
        }
        gi++
        nextGoal = gi < goals ? goalMonth[gi]! : -1
      }
      if ((annual && (m + 1) % 12 === 0) || (threshold && offTarget(h, w, wealth, band))) {
        for (let i = 0; i < n; i++) h[i] = wealth * w[i]!
      }
      if (wealth > peak) peak = wealth
      else if (peak > 0 && 1 - wealth / peak > mdd) mdd = 1 - wealth / peak
      if (m + 1 === nextCp) {
        out.wealth[p * cols + col] = wealth
        col++
        nextCp = col < cols ? cp[col]! : -1
      }
    }
    out.maxDrawdown[p] = mdd
    out.depletedMonth[p] = depleted
    out.unmetReal[p] = unmet
  }
}

/** True when some weight is more than `band` away from its target. */
function offTarget(h: Float64Array, w: Float64Array, wealth: number, band: number): boolean {
  if (!(wealth > 0)) return false
  const limit = band * wealth
  for (let i = 0; i < h.length; i++) if (Math.abs(h[i]! - wealth * w[i]!) > limit) return true
  return false
}

/** Turns the per-path store into the outputs: bands per year, goal probabilities, distributions, shortfall. */
import type { PathStore } from './kernel.ts'
import type { CompiledPlan } from './plan.ts'
import { inflationIndex } from './plan.ts'
import {
  percentilesOf,
  PERCENTILES,
  quantileSorted,
  summarize,
  type DistributionSummary,
  type PercentileKey,
  type PercentileValues,
} from './stats.ts'

/** How many paths `SimulationResult.samplePaths` keeps: enough to show spread, small enough to post cheaply. */
export const SAMPLE_PATH_COUNT = 6

/** Percentile bands: for each percentile, one value per checkpoint. */
export type Bands = Record<PercentileKey, number[]>

/** Outcome of one goal. */
export interface GoalResult {
  id: string
  month: number
  /** Target in money of the goal's month (what is compared and withdrawn). */
  targetNominal: number
  /** Target in today's money. */
  targetReal: number
  /** Share of paths with wealth ≥ target at the end of the goal's month. */
  probability: number
  /** Mean of max(0, target − wealth) over all paths, nominal and in today's money. */
  meanShortfall: number
  meanShortfallReal: number
  /** Median shortfall over the paths that missed the goal (0 if none did), nominal. */
  medianShortfallWhenMissed: number
}

/** Everything a simulation reports. Plain data (numbers and arrays) so it can be posted from a worker. */
export interface SimulationResult {
  seed: number
  paths: number
  horizonMonths: number
  /** Simulated asset classes (positive weight), in assumptions order. */
  assetClasses: string[]
  inflation: number
  /** Months of the checkpoints: 0, 12, 24, … and the horizon. */
  months: number[]
  /** Wealth percentiles per checkpoint, nominal and in today's money (deflated by the plan's inflation). */
  bands: { nominal: Bands; real: Bands }
  /** Mean nominal wealth per checkpoint. */
  meanNominal: number[]
  /**
   * Nominal wealth at each checkpoint of the first `SAMPLE_PATH_COUNT` paths (fewer if the run has fewer), for
   * drawing a few individual outcomes beside the bands. Paths are independent draws, so the first ones are a fair
   * sample, and taking them by index keeps results identical for a given seed.
   */
  samplePaths: number[][]
  /** Terminal wealth, nominal; `realPercentiles` in today's money. */
  terminal: DistributionSummary & { realPercentiles: PercentileValues }
  /** Maximum drawdown of monthly wealth per path (0.25 = a 25% fall from a previous peak), histogram over [0, 1]. */
  maxDrawdown: DistributionSummary
  goals: GoalResult[]
  shortfall: {
    /** Share of paths where some regular withdrawal could not be paid in full. */
    depletionProbability: number
    /** Percentiles of the first such month over those paths; null when no path ran out. */
    depletionMonth: { p10: number; p50: number; p90: number } | null
    /** Unpaid withdrawals per path in today's money: mean over all paths and 95th percentile. */
    unmetWithdrawalsReal: { mean: number; p95: number }
  }
}

/** Aggregates a completed store. Sorting works on one column copy at a time. */
export function buildResult(c: CompiledPlan, s: PathStore, seed: number): SimulationResult {
  const P = s.paths
  const cols = s.cols
  const months = Array.from(c.checkpoints)
  const nominal = emptyBands()
  const real = emptyBands()
  const meanNominal: number[] = []
  const column = new Float64Array(P)
  for (let k = 0; k < cols; k++) {
    let sum = 0
    for (let p = 0; p < P; p++) sum += column[p] = s.wealth[p * cols + k]!
    meanNominal.push(sum / P)
    column.sort()
    const deflate = 1 / inflationIndex(c.inflation, months[k]!)
    const pv = percentilesOf(column)
    for (const q of PERCENTILES) {
      nominal[`p${q}`].push(pv[`p${q}`])
      real[`p${q}`].push(pv[`p${q}`] * deflate)
    }
  }
  for (let p = 0; p < P; p++) column[p] = s.wealth[p * cols + cols - 1]!
  const terminalSummary = summarize(column)
  const deflateEnd = 1 / inflationIndex(c.inflation, c.horizon)
  const realPercentiles = { ...terminalSummary.percentiles }
  for (const q of PERCENTILES) realPercentiles[`p${q}`] *= deflateEnd
  const maxDrawdown = summarize(Float64Array.from(s.maxDrawdown), 20, [0, 1])

  const G = c.goals.length
  const goals: GoalResult[] = c.goals
    .slice()
    .sort((a, b) => a.index - b.index)
    .map((g) => {
      let hits = 0
      let total = 0
      const missed: number[] = []
      for (let p = 0; p < P; p++) {
        const gap = g.target - s.goalWealth[p * G + g.index]!
        if (gap <= 0) hits++
        else {
          total += gap
          missed.push(gap)
        }
      }
      missed.sort((a, b) => a - b)
      const deflate = 1 / inflationIndex(c.inflation, g.month)
      return {
        id: c.plan.goals[g.index]!.id,
        month: g.month,
        targetNominal: g.target,
        targetReal: g.target * deflate,
        probability: hits / P,
        meanShortfall: total / P,
        meanShortfallReal: (total / P) * deflate,
        medianShortfallWhenMissed: missed.length ? quantileSorted(missed, 0.5) : 0,
      }
    })

  const samplePaths: number[][] = []
  for (let p = 0; p < Math.min(P, SAMPLE_PATH_COUNT); p++)
    samplePaths.push(Array.from(s.wealth.subarray(p * cols, p * cols + cols)))

  const depletedMonths = Array.from(s.depletedMonth.filter((m) => m > 0)).sort((a, b) => a - b)
  const unmet = Float64Array.from(s.unmetReal).sort()
  let unmetSum = 0
  for (let p = 0; p < P; p++) unmetSum += unmet[p]!
  return {
    seed,
    paths: P,
    horizonMonths: c.horizon,
    assetClasses: c.ids,
    inflation: c.inflation,
    months,
    bands: { nominal, real },
    meanNominal,
    samplePaths,
    terminal: { ...terminalSummary, realPercentiles },
    maxDrawdown,
    goals,
    shortfall: {
      depletionProbability: depletedMonths.length / P,
      depletionMonth: depletedMonths.length
        ? {
            p10: quantileSorted(depletedMonths, 0.1),
            p50: quantileSorted(depletedMonths, 0.5),
            p90: quantileSorted(depletedMonths, 0.9),
          }
        : null,
      unmetWithdrawalsReal: { mean: unmetSum / P, p95: quantileSorted(unmet, 0.95) },
    },
  }
}

function emptyBands(): Bands {
  return { p5: [], p10: [], p25: [], p50: [], p75: [], p90: [], p95: [] }
}

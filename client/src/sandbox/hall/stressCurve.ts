/**
 * The shape of a stress replay over time: wealth falls over the scenario's historical peak-to-trough period, then
 * climbs back at median returns over the recovery time the engine computed (`applyStress`). The same formula runs
 * in shaders/sandboxFan.vert.glsl; keep the two in step.
 */
import type { StressResult, StressScenario } from '@atrium/common'

/** Everything the animation needs about one replay, in months. */
export interface StressMotion {
  /** Loss as a fraction of wealth at the trough (0…1). */
  loss: number
  /** Months from peak to trough (the scenario's historical period). */
  fall: number
  /** Months from trough back to the starting value; null when it never recovers within the engine's limit. */
  recovery: number | null
  /** Months the replay front sweeps over: the fall and recovery with some margin, within the plan's horizon. */
  span: number
}

const DAYS_PER_MONTH = 365.25 / 12
/** Seconds the front takes to sweep its span, then to hold the full picture, then to fade back. */
export const REPLAY_SECONDS = { sweep: 6, hold: 3, fade: 1 } as const

/** Months between the scenario's start and end dates (at least half a month, so the fall is visible). */
export function fallMonths(scenario: StressScenario): number {
  const days = (Date.parse(scenario.period.end) - Date.parse(scenario.period.start)) / 86_400_000
  return Math.max(0.5, days / DAYS_PER_MONTH)
}

/** The replay of `result` (the scenario applied to the plan) over a plan of `horizonMonths`. */
export function stressMotion(result: StressResult, scenario: StressScenario, horizonMonths: number): StressMotion {
  const fall = fallMonths(scenario)
  const recovery = result.recoveryMonths
  const natural = (fall + (recovery ?? Infinity)) * 1.25
  return {
    loss: Math.min(1, Math.max(0, result.lossFraction)),
    fall,
    recovery,
    span: Math.max(Math.min(12, horizonMonths), Math.min(natural, horizonMonths)),
  }
}

/** Smooth start and stop, as GLSL's smoothstep(0, 1, t). */
function ease(t: number): number {
  const x = Math.min(1, Math.max(0, t))
  return x * x * (3 - 2 * x)
}

/** Wealth at `month` after the shock starts, relative to the value before it (1 = unchanged). */
export function stressFactor(month: number, m: StressMotion): number {
  if (month <= 0 || m.loss <= 0) return 1
  if (month < m.fall) return 1 - m.loss * ease(month / m.fall)
  if (m.recovery === null) return 1 - m.loss
  if (m.recovery <= 0 || month >= m.fall + m.recovery) return 1
  // median growth compounds, so the climb back is geometric: (1 − loss) grows by a constant factor each month
  return Math.pow(1 - m.loss, 1 - (month - m.fall) / m.recovery)
}

/** How deep into the fall `month` is, 0 (no loss) … 1 (the trough), for shrinking each column by its own shock. */
export function stressDepth(month: number, m: StressMotion): number {
  return m.loss > 0 ? (1 - stressFactor(month, m)) / m.loss : 0
}

/** Where a replay stands `elapsed` seconds after it started. */
export interface ReplayPhase {
  /** Month the front has reached. */
  month: number
  /** 1 while sweeping and holding, fading to 0 at the end. */
  amount: number
  done: boolean
}

/** The replay's front and strength at `elapsed` seconds. */
export function replayPhase(elapsed: number, m: StressMotion): ReplayPhase {
  const { sweep, hold, fade } = REPLAY_SECONDS
  const t = Math.max(0, elapsed)
  const month = Math.min(1, t / sweep) * m.span
  if (t <= sweep + hold) return { month, amount: 1, done: false }
  const amount = Math.max(0, 1 - (t - sweep - hold) / fade)
  return { month, amount, done: amount === 0 }
}

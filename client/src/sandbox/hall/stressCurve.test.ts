import { applyStress, DEFAULT_STRESS_SCENARIOS } from '@atrium/common'
import { describe, expect, it } from 'vitest'

import {
  fallMonths,
  REPLAY_SECONDS,
  replayPhase,
  stressDepth,
  stressFactor,
  stressMotion,
  type StressMotion,
} from './stressCurve.ts'

const motion: StressMotion = { loss: 0.3, fall: 12, recovery: 40, span: 70 }

describe('stress replay curve', () => {
  it('falls smoothly to the trough over the fall, then recovers to 1 over the recovery', () => {
    expect(stressFactor(0, motion)).toBe(1)
    expect(stressFactor(12, motion)).toBeCloseTo(0.7, 12)
    expect(stressFactor(52, motion)).toBe(1)
    expect(stressFactor(80, motion)).toBe(1)
    // continuous at both joins
    expect(stressFactor(12 - 1e-9, motion)).toBeCloseTo(stressFactor(12, motion), 6)
    expect(stressFactor(52 - 1e-9, motion)).toBeCloseTo(1, 6)
    let prev = 1
    for (let m = 0.5; m <= 12; m += 0.5) {
      const f = stressFactor(m, motion)
      expect(f).toBeLessThanOrEqual(prev)
      prev = f
    }
    for (let m = 12.5; m <= 60; m += 0.5) {
      const f = stressFactor(m, motion)
      expect(f).toBeGreaterThanOrEqual(prev)
      prev = f
    }
    expect(stressDepth(12, motion)).toBeCloseTo(1, 12)
    expect(stressDepth(0, motion)).toBe(0)
  })

  it('stays at the trough when there is no recovery, and is flat without a loss', () => {
    expect(stressFactor(500, { ...motion, recovery: null })).toBeCloseTo(0.7, 12)
    expect(stressFactor(6, { ...motion, loss: 0 })).toBe(1)
    expect(stressDepth(6, { ...motion, loss: 0 })).toBe(0)
  })

  it('times the shipped scenarios from their periods and the engine result', () => {
    const [gfc] = DEFAULT_STRESS_SCENARIOS
    expect(DEFAULT_STRESS_SCENARIOS.map((s) => Math.round(fallMonths(s)))).toEqual([17, 2, 1, 12])
    const result = applyStress(gfc!, { initialWealth: 100_000, allocation: { csi300: 0.6, govBonds: 0.4 } })
    const m = stressMotion(result, gfc!, 120)
    expect(m.loss).toBeCloseTo(result.lossFraction, 12)
    expect(m.recovery).toBe(result.recoveryMonths)
    expect(m.span).toBeGreaterThanOrEqual(12)
    expect(m.span).toBeLessThanOrEqual(120)
  })

  it('sweeps the front over the span, holds, then fades out', () => {
    const { sweep, hold, fade } = REPLAY_SECONDS
    expect(replayPhase(0, motion)).toEqual({ month: 0, amount: 1, done: false })
    expect(replayPhase(sweep / 2, motion).month).toBeCloseTo(35)
    expect(replayPhase(sweep + hold, motion)).toEqual({ month: 70, amount: 1, done: false })
    expect(replayPhase(sweep + hold + fade / 2, motion).amount).toBeCloseTo(0.5)
    expect(replayPhase(sweep + hold + fade, motion).done).toBe(true)
  })
})

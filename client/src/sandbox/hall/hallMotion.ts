/**
 * Per-frame state of the hall, outside React: the shader uniforms of the fan and the running stress replay. A
 * replay starts from an action and is then advanced by `tickReplay` in useFrame with the frame clock.
 */
import { DEFAULT_ASSUMPTIONS } from '@atrium/common'
import { Color } from 'three'

import { FAN, fanX } from './hallLayout.ts'
import { replayPhase, stressDepth, type StressMotion } from './stressCurve.ts'

/** Uniforms shared by the fan surface and its lines (one object each, so both materials see every update). */
export const fanUniforms = {
  uLoss: { value: 0 },
  uFall: { value: 1 },
  uRecovery: { value: -1 },
  uFront: { value: 0 },
  uAmount: { value: 0 },
  uFrontX: { value: FAN.x0 as number },
  uOuter: { value: new Color('#3fae84') },
  uInner: { value: new Color('#0f5e4a') },
  uStressColor: { value: new Color('#e2553f') },
}

const CLASS_COUNT = DEFAULT_ASSUMPTIONS.assetClasses.length

/** The running replay, read by the columns and the fan every frame. */
export const replayRuntime = {
  active: false,
  motion: { loss: 0, fall: 1, recovery: null, span: 12 } as StressMotion,
  /** Months across the fan (the projection's horizon, or the plan's when nothing has run). */
  horizon: 120,
  /** Shock of each asset class in assumptions order (−0.5 = halved at the trough). */
  shocks: new Float32Array(CLASS_COUNT),
  /** Frame clock (seconds) when the replay started; NaN until its first frame. */
  startedAt: Number.NaN,
  lastTick: Number.NaN,
  /** 0…1: how far into the fall the front is, times the replay's strength, for the columns. */
  depth: 0,
  onDone: undefined as (() => void) | undefined,
}

/** Starts a replay; the next frame picks it up. */
export function beginReplay(motion: StressMotion, shocks: ArrayLike<number>, horizon: number, onDone: () => void) {
  const r = replayRuntime
  r.motion = motion
  r.horizon = Math.max(1, horizon)
  r.shocks.fill(0)
  for (let i = 0; i < Math.min(CLASS_COUNT, shocks.length); i++) r.shocks[i] = shocks[i] ?? 0
  r.startedAt = Number.NaN
  r.active = true
  r.onDone = onDone
  const u = fanUniforms
  u.uLoss.value = motion.loss
  u.uFall.value = motion.fall
  u.uRecovery.value = motion.recovery ?? -1
}

/** Advances the replay to frame time `now` (seconds); does nothing when called again in the same frame. */
export function tickReplay(now: number): void {
  const r = replayRuntime
  if (!r.active || now === r.lastTick) return
  r.lastTick = now
  if (Number.isNaN(r.startedAt)) r.startedAt = now
  const phase = replayPhase(now - r.startedAt, r.motion)
  fanUniforms.uFront.value = phase.month
  fanUniforms.uAmount.value = phase.amount
  fanUniforms.uFrontX.value = fanX(Math.min(phase.month, r.horizon), r.horizon)
  r.depth = stressDepth(phase.month, r.motion) * phase.amount
  if (phase.done) {
    r.active = false
    r.depth = 0
    fanUniforms.uAmount.value = 0
    r.onDone?.()
  }
}

import { describe, expect, it } from 'vitest'

import { createHostMotion, LIMITS, stepHostMotion, type HostMotion } from './hostMotion.ts'

/** Runs the motion for `seconds` at 60 fps with the visitor at (dx, dy, dz) from the host's head. */
function run(m: HostMotion, from: number, seconds: number, d: [number, number, number], speaking = false) {
  const dt = 1 / 60
  for (let t = from; t < from + seconds; t += dt) stepHostMotion(m, dt, t, d[0], d[1], d[2], speaking, () => 0.5)
}

describe('host motion', () => {
  it('turns head and body towards a visitor who comes close', () => {
    const m = createHostMotion()
    run(m, 0, 3, [1.5, -0.05, 2])
    expect(m.engaged).toBe(true)
    const toward = Math.atan2(1.5, 2)
    expect(m.bodyYaw + m.yaw).toBeCloseTo(toward, 1)
    expect(m.bodyYaw).toBeGreaterThan(0)
  })

  it('clamps the turn to a natural range', () => {
    const m = createHostMotion()
    run(m, 0, 4, [3, 2, 0.2])
    expect(m.yaw).toBeLessThanOrEqual(LIMITS.headYaw + 1e-9)
    expect(m.bodyYaw).toBeLessThanOrEqual(LIMITS.bodyYaw + 1e-9)
    expect(m.pitch).toBeLessThanOrEqual(LIMITS.pitchUp + 0.03)
  })

  it('idles with a small sway when nobody is near, and keeps looking while speaking', () => {
    const m = createHostMotion()
    run(m, 0, 5, [0, 0, 9])
    expect(m.engaged).toBe(false)
    expect(Math.abs(m.yaw)).toBeLessThan(0.2)
    run(m, 5, 0.1, [3, 0, 8], true)
    expect(m.engaged).toBe(true)
  })

  it('ignores a visitor standing behind the host', () => {
    const m = createHostMotion()
    run(m, 0, 1, [0.2, 0, -1.5])
    expect(m.engaged).toBe(false)
  })

  it('blinks every few seconds, each blink short', () => {
    const m = createHostMotion()
    const dt = 1 / 60
    let closedFrames = 0
    let blinks = 0
    let wasClosed = false
    for (let t = 0; t < 20; t += dt) {
      stepHostMotion(m, dt, t, 0, 0, 9, false, () => 0.5)
      const closed = m.blink > 0.5
      if (closed && !wasClosed) blinks++
      if (closed) closedFrames++
      wasClosed = closed
    }
    // random() = 0.5: a blink at 2 s, then every 4.5 s
    expect(blinks).toBe(4)
    expect(closedFrames / blinks).toBeLessThan(0.12 * 60)
  })
})

import { createPose } from '@atrium/common'
import { describe, expect, it } from 'vitest'

import { InterpolationBuffer } from './InterpolationBuffer.ts'
import { ServerClock } from './ServerClock.ts'

function at(x: number, yaw = 0) {
  const p = createPose()
  p.head.p = [x, 1.6, 0]
  p.head.q = [0, Math.sin(yaw / 2), 0, Math.cos(yaw / 2)]
  return p
}

describe('InterpolationBuffer', () => {
  it('interpolates position and rotation between snapshots', () => {
    const b = new InterpolationBuffer()
    b.push(1000, at(0, 0))
    b.push(1050, at(1, Math.PI / 2))
    const out = createPose()
    expect(b.sample(1025, out)).toBe(true)
    expect(out.head.p[0]).toBeCloseTo(0.5, 6)
    const yaw = 2 * Math.atan2(out.head.q[1], out.head.q[3])
    expect(yaw).toBeCloseTo(Math.PI / 4, 2)
    expect(Math.hypot(...out.head.q)).toBeCloseTo(1, 6)
  })

  it('holds the ends outside the buffered range and is empty at first', () => {
    const b = new InterpolationBuffer()
    const out = createPose()
    expect(b.sample(0, out)).toBe(false)
    b.push(100, at(2))
    b.push(150, at(3))
    b.sample(0, out)
    expect(out.head.p[0]).toBe(2)
    b.sample(10_000, out)
    expect(out.head.p[0]).toBe(3)
  })

  it('ignores stale snapshots and keeps only the newest eight', () => {
    const b = new InterpolationBuffer()
    for (let i = 0; i < 20; i++) b.push(i * 50, at(i))
    b.push(100, at(-99))
    expect(b.size).toBe(8)
    expect(b.latest()?.head.p[0]).toBe(19)
    const out = createPose()
    b.sample(0, out)
    expect(out.head.p[0]).toBe(12)
  })

  it('renders sparse (far) avatars further behind', () => {
    const b = new InterpolationBuffer()
    for (let i = 0; i < 8; i++) b.push(i * 200, at(i))
    expect(b.interval).toBeGreaterThan(150)
    expect(b.delayFor(100)).toBeGreaterThan(200)
  })
})

describe('ServerClock', () => {
  it('unwraps the 16-bit tick and tracks the least-delayed offset', () => {
    const c = new ServerClock()
    const t1 = c.tickTime(65534)
    const t2 = c.tickTime(1)
    expect(t2 - t1).toBeCloseTo(150, 6)
    c.observe(t1, t1 + 500)
    c.observe(t2, t2 + 430)
    expect(c.serverNow(t2 + 430)).toBeCloseTo(t2, 6)
  })
})

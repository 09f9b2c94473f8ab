import { describe, expect, it } from 'vitest'

import { createPose, decodePose, encodePose, POSE_BYTES, readFrame, writeRecord } from '../src/net/poseFrame.ts'
import { packQuat, quatAngle, unpackQuat, type AvatarPose } from '../src/net/quantize.ts'

/** Deterministic PRNG so failures reproduce. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0
    return seed / 2 ** 32
  }
}

function randomQuat(r: () => number): [number, number, number, number] {
  const q: [number, number, number, number] = [r() * 2 - 1, r() * 2 - 1, r() * 2 - 1, r() * 2 - 1]
  const n = Math.hypot(...q)
  return q.map((v) => v / n) as [number, number, number, number]
}

describe('smallest-three quaternions', () => {
  it('round-trips 10k random rotations within 0.25 degrees', () => {
    const r = rng(7)
    const out: [number, number, number, number] = [0, 0, 0, 0]
    let worst = 0
    for (let i = 0; i < 10_000; i++) {
      const q = randomQuat(r)
      unpackQuat(packQuat(...q), out)
      expect(Math.hypot(...out)).toBeCloseTo(1, 5)
      worst = Math.max(worst, quatAngle(q, out))
    }
    expect((worst * 180) / Math.PI).toBeLessThan(0.25)
  })

  it('fits in 32 bits and treats q and -q alike', () => {
    const q = randomQuat(rng(3))
    const a = packQuat(...q)
    expect(a).toBeGreaterThanOrEqual(0)
    expect(a).toBeLessThan(2 ** 32)
    expect(packQuat(-q[0], -q[1], -q[2], -q[3])).toBe(a)
  })

  it('maps a zero or non-normalized quaternion to a valid rotation', () => {
    const out: [number, number, number, number] = [0, 0, 0, 0]
    expect(unpackQuat(packQuat(0, 0, 0, 0), out)).toEqual([0, 0, 0, 1])
    unpackQuat(packQuat(0, 0, 0, 5), out)
    expect(out[3]).toBeCloseTo(1, 6)
  })
})

describe('pose records', () => {
  it('round-trips head and hands within 0.5 mm and 0.25 degrees', () => {
    const r = rng(11)
    const buf = new Uint8Array(POSE_BYTES)
    const out = createPose()
    for (let i = 0; i < 2000; i++) {
      const head: [number, number, number] = [(r() - 0.5) * 60, r() * 2.4 + 0.2, (r() - 0.5) * 60]
      const pose: AvatarPose = {
        head: { p: head, q: randomQuat(r) },
        left: { p: [head[0] + (r() - 0.5) * 3, head[1] - r(), head[2] + (r() - 0.5) * 3], q: randomQuat(r) },
        right: { p: [head[0] + (r() - 0.5) * 3, head[1] - r(), head[2] + (r() - 0.5) * 3], q: randomQuat(r) },
      }
      encodePose(pose, buf, 0)
      decodePose(buf, 0, out)
      for (const k of ['head', 'left', 'right'] as const) {
        for (let a = 0; a < 3; a++) expect(Math.abs(out[k].p[a]! - pose[k].p[a]!)).toBeLessThanOrEqual(0.0011)
        expect(quatAngle(out[k].q, pose[k].q)).toBeLessThan((0.25 * Math.PI) / 180)
      }
    }
  })

  it('clamps hands beyond reach instead of wrapping around', () => {
    const buf = new Uint8Array(POSE_BYTES)
    const pose = createPose()
    pose.head.p = [1, 1.6, 1]
    pose.left.p = [10, 1.6, 1]
    pose.right.p = [-10, 1.6, 1]
    encodePose(pose, buf, 0)
    const out = decodePose(buf, 0, createPose())
    expect(out.left.p[0]).toBeCloseTo(1 + 2.047, 3)
    expect(out.right.p[0]).toBeCloseTo(1 - 2.047, 3)
  })

  it('frames carry slots and poses (29 bytes a record)', () => {
    const pose = createPose()
    pose.head.p = [3, 1.7, -4]
    const enc = new Uint8Array(POSE_BYTES)
    encodePose(pose, enc, 0)
    const frame = new Uint8Array(2 + 2 * 29)
    frame[0] = 0x12
    frame[1] = 0x34
    writeRecord(frame, 2, 7, enc, 0)
    writeRecord(frame, 31, 300, enc, 0)
    const seen: number[] = []
    const tick = readFrame(frame, (slot, off) => {
      seen.push(slot)
      expect(decodePose(frame, off, createPose()).head.p[2]).toBeCloseTo(-4, 3)
    })
    expect(tick).toBe(0x1234)
    expect(seen).toEqual([7, 300])
  })
})

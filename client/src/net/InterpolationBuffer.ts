import { createPose, type AvatarPose, type Pose } from '@atrium/common'

const CAPACITY = 8

function copyPose(from: AvatarPose, to: AvatarPose): void {
  for (const k of ['head', 'left', 'right'] as const) {
    const a = from[k]
    const b = to[k]
    b.p[0] = a.p[0]
    b.p[1] = a.p[1]
    b.p[2] = a.p[2]
    b.q[0] = a.q[0]
    b.q[1] = a.q[1]
    b.q[2] = a.q[2]
    b.q[3] = a.q[3]
  }
}

function lerpPose(a: Pose, b: Pose, t: number, out: Pose): void {
  for (let i = 0; i < 3; i++) out.p[i] = a.p[i]! + (b.p[i]! - a.p[i]!) * t
  // nlerp along the shorter arc: close enough to slerp for 50–200 ms steps, and allocation-free
  const dot = a.q[0] * b.q[0] + a.q[1] * b.q[1] + a.q[2] * b.q[2] + a.q[3] * b.q[3]
  const s = dot < 0 ? -1 : 1
  let len = 0
  for (let i = 0; i < 4; i++) {
    out.q[i] = a.q[i]! + (b.q[i]! * s - a.q[i]!) * t
    len += out.q[i]! * out.q[i]!
  }
  len = Math.sqrt(len) || 1
  for (let i = 0; i < 4; i++) out.q[i] = out.q[i]! / len
}

/**
 * Recent snapshots of one remote avatar, sampled a little in the past so that motion is
 * smooth between 20 Hz (or 5 Hz, for far avatars) updates. Preallocated; no garbage per frame.
 */
export class InterpolationBuffer {
  private readonly poses: AvatarPose[] = Array.from({ length: CAPACITY }, createPose)
  private readonly times = new Float64Array(CAPACITY)
  private count = 0
  private head = 0
  /** Smoothed spacing of snapshots (ms), so sparse far updates get a longer delay. */
  interval = 50

  /** Adds a snapshot at server time `t` (ms). Older-than-newest snapshots are ignored. */
  push(t: number, pose: AvatarPose): void {
    if (this.count > 0) {
      const newest = this.times[(this.head + CAPACITY - 1) % CAPACITY]!
      if (t <= newest) return
      this.interval += (Math.min(t - newest, 1000) - this.interval) * 0.2
    }
    copyPose(pose, this.poses[this.head]!)
    this.times[this.head] = t
    this.head = (this.head + 1) % CAPACITY
    this.count = Math.min(this.count + 1, CAPACITY)
  }

  get size(): number {
    return this.count
  }

  /** The newest snapshot, or undefined when empty. */
  latest(): AvatarPose | undefined {
    return this.count === 0 ? undefined : this.poses[(this.head + CAPACITY - 1) % CAPACITY]
  }

  /** Delay to render behind the newest data: at least `base`, more when updates are sparse. */
  delayFor(base: number): number {
    return Math.max(base, this.interval * 1.5)
  }

  /** Writes the pose at server time `t` into `out`; holds the ends outside the buffered range. */
  sample(t: number, out: AvatarPose): boolean {
    if (this.count === 0) return false
    const oldest = (this.head + CAPACITY - this.count) % CAPACITY
    if (t <= this.times[oldest]!) {
      copyPose(this.poses[oldest]!, out)
      return true
    }
    for (let n = 1; n < this.count; n++) {
      const b = (oldest + n) % CAPACITY
      if (t <= this.times[b]!) {
        const a = (b + CAPACITY - 1) % CAPACITY
        const ta = this.times[a]!
        const f = (t - ta) / (this.times[b]! - ta)
        const pa = this.poses[a]!
        const pb = this.poses[b]!
        lerpPose(pa.head, pb.head, f, out.head)
        lerpPose(pa.left, pb.left, f, out.left)
        lerpPose(pa.right, pb.right, f, out.right)
        return true
      }
    }
    copyPose(this.latest()!, out)
    return true
  }
}

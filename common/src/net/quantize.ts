/**
 * Pose quantization: positions in millimetres, rotations as "smallest three"
 * (drop the largest quaternion component, 10 bits for each of the other three).
 */

/** Position in metres and rotation quaternion (x, y, z, w). */
export interface Pose {
  p: [number, number, number]
  q: [number, number, number, number]
}

/** Head and both hands, all in world space. */
export interface AvatarPose {
  head: Pose
  left: Pose
  right: Pose
}

const ROT_BITS = 10
// An even number of steps so that 0 is exactly representable (identity stays identity).
const ROT_MAX = (1 << ROT_BITS) - 2
const INV_SQRT2 = Math.SQRT1_2

/** Metres to clamped integer millimetres within a signed range of `bits`. */
export function toMillimetres(m: number, bits: number): number {
  const lim = (1 << (bits - 1)) - 1
  const mm = Math.round(m * 1000)
  return mm > lim ? lim : mm < -lim ? -lim : mm
}

const comps = new Float64Array(4)

/** Packs a quaternion (need not be normalized) into an unsigned 32-bit integer. */
export function packQuat(x: number, y: number, z: number, w: number): number {
  let len = Math.sqrt(x * x + y * y + z * z + w * w)
  if (!(len > 1e-9)) {
    x = 0
    y = 0
    z = 0
    w = 1
    len = 1
  }
  comps[0] = x / len
  comps[1] = y / len
  comps[2] = z / len
  comps[3] = w / len
  let largest = 0
  for (let i = 1; i < 4; i++) if (Math.abs(comps[i]!) > Math.abs(comps[largest]!)) largest = i
  const sign = comps[largest]! < 0 ? -1 : 1
  let packed = largest
  for (let i = 0; i < 4; i++) {
    if (i === largest) continue
    const v = (comps[i]! * sign) / INV_SQRT2 // in [-1, 1]
    const qv = Math.round((Math.max(-1, Math.min(1, v)) * 0.5 + 0.5) * ROT_MAX)
    packed = packed * (ROT_MAX + 1) + qv
  }
  return packed >>> 0
}

/** Unpacks `packQuat` output into `out` (x, y, z, w), returning `out`. */
export function unpackQuat(packed: number, out: [number, number, number, number]): [number, number, number, number] {
  let rest = packed >>> 0
  const vals = [0, 0, 0]
  for (let i = 2; i >= 0; i--) {
    const qv = rest % (ROT_MAX + 1)
    rest = Math.floor(rest / (ROT_MAX + 1))
    vals[i] = ((qv / ROT_MAX) * 2 - 1) * INV_SQRT2
  }
  const largest = rest & 3
  const sum = vals[0]! * vals[0]! + vals[1]! * vals[1]! + vals[2]! * vals[2]!
  const big = Math.sqrt(Math.max(0, 1 - sum))
  let k = 0
  for (let i = 0; i < 4; i++) out[i] = i === largest ? big : vals[k++]!
  return out
}

/** Angle in radians between two unit quaternions. */
export function quatAngle(a: readonly number[], b: readonly number[]): number {
  const dot = Math.abs(a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]! + a[3]! * b[3]!)
  return 2 * Math.acos(Math.min(1, dot))
}

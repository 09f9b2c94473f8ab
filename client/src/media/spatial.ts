import type { Quaternion, Vector3 } from 'three'

/** Remote voices are subscribed within this distance (metres) of the listener's head, in the same zone. */
export const HEAR_RADIUS = 12
/** …and unsubscribed only beyond this one, so a visitor at the edge does not flap in and out. */
export const RELEASE_RADIUS = 13
/** How often the subscription rules run (Hz): a few times a second, never per frame. */
export const SUBSCRIPTION_HZ = 4

/** Panner settings: HRTF for headphones, inverse distance fall-off from 1.5 m, silent past 20 m. */
export const PANNER = {
  panningModel: 'HRTF',
  distanceModel: 'inverse',
  refDistance: 1.5,
  maxDistance: 20,
  rolloffFactor: 1,
} as const satisfies Partial<PannerOptions>

/**
 * Whether a remote microphone should be subscribed: same zone, within `HEAR_RADIUS`, or already
 * subscribed and still within `RELEASE_RADIUS` (hysteresis).
 */
export function shouldSubscribe(distance: number, sameZone: boolean, subscribed: boolean): boolean {
  if (!sameZone || !Number.isFinite(distance)) return false
  return distance <= (subscribed ? RELEASE_RADIUS : HEAR_RADIUS)
}

/** Distance between two points given as [x, y, z] and a Vector3. */
export function distanceTo(p: ArrayLike<number>, v: Vector3): number {
  return Math.hypot(p[0]! - v.x, p[1]! - v.y, p[2]! - v.z)
}

/** The parts of a PannerNode and AudioListener written here (AudioParams where the browser has them). */
type Param = { value: number }
export interface PannerLike {
  positionX?: Param
  positionY?: Param
  positionZ?: Param
  setPosition?(x: number, y: number, z: number): void
}
export interface ListenerLike extends PannerLike {
  forwardX?: Param
  forwardY?: Param
  forwardZ?: Param
  upX?: Param
  upY?: Param
  upZ?: Param
  setOrientation?(fx: number, fy: number, fz: number, ux: number, uy: number, uz: number): void
}

/** Moves a panner (or the listener) to world position (x, y, z). */
export function setPosition(node: PannerLike, x: number, y: number, z: number): void {
  if (node.positionX && node.positionY && node.positionZ) {
    node.positionX.value = x
    node.positionY.value = y
    node.positionZ.value = z
  } else node.setPosition?.(x, y, z)
}

/**
 * Puts the listener at the head pose: position, and forward (-z) and up (+y) turned by the head's
 * orientation, as three.js cameras (and WebXR viewer poses) look down -z.
 */
export function setListenerPose(
  listener: ListenerLike,
  p: Vector3,
  q: Quaternion,
  forward: Vector3,
  up: Vector3,
): void {
  setPosition(listener, p.x, p.y, p.z)
  forward.set(0, 0, -1).applyQuaternion(q)
  up.set(0, 1, 0).applyQuaternion(q)
  if (listener.forwardX && listener.forwardY && listener.forwardZ && listener.upX && listener.upY && listener.upZ) {
    listener.forwardX.value = forward.x
    listener.forwardY.value = forward.y
    listener.forwardZ.value = forward.z
    listener.upX.value = up.x
    listener.upY.value = up.y
    listener.upZ.value = up.z
  } else listener.setOrientation?.(forward.x, forward.y, forward.z, up.x, up.y, up.z)
}

/** Root-mean-square level (0..1) of time-domain samples from an AnalyserNode. */
export function rms(samples: Float32Array): number {
  let sum = 0
  for (let i = 0; i < samples.length; i++) sum += samples[i]! * samples[i]!
  return samples.length ? Math.sqrt(sum / samples.length) : 0
}

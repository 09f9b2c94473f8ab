import { HOST_SPOT } from '../components/environment/layout.ts'

/** How close to the host the "press H" prompt appears, metres. */
export const HOST_TALK_RADIUS = 2.5

/** Whether feet at (x, z) are within talking distance of the digital host. */
export function isNearHost(x: number, z: number, radius = HOST_TALK_RADIUS): boolean {
  return Math.hypot(x - HOST_SPOT.x, z - HOST_SPOT.z) <= radius
}

import { isOnFloor, MOVEMENT, passesThroughDoor, zoneAt, ZONES, type AvatarPose, type PoseMsg } from '@atrium/common'

export type MotionVerdict = { ok: true; pose: AvatarPose } | { ok: false; reason: string }

function toPose(t: readonly number[]) {
  return {
    p: [t[0]!, t[1]!, t[2]!] as [number, number, number],
    q: [t[3]!, t[4]!, t[5]!, t[6]!] as [number, number, number, number],
  }
}

function dist(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!)
}

/**
 * Checks a client pose against the last accepted head position: finite, on the floor,
 * at a human height, hands within reach, walked at a plausible speed, through doors.
 */
export function checkMotion(msg: PoseMsg, last: readonly number[], dtSeconds: number): MotionVerdict {
  const pose: AvatarPose = { head: toPose(msg.h), left: toPose(msg.l), right: toPose(msg.r) }
  const [x, y, z] = pose.head.p
  if (!isOnFloor(x, z)) return { ok: false, reason: 'head is outside the branch' }
  if (y < MOVEMENT.minHeadHeight || y > MOVEMENT.maxHeadHeight) return { ok: false, reason: 'head height out of range' }
  for (const hand of [pose.left, pose.right]) {
    if (dist(hand.p, pose.head.p) > MOVEMENT.maxHandReach) return { ok: false, reason: 'hand out of reach' }
    if (Math.hypot(...hand.q) < 0.5) return { ok: false, reason: 'invalid hand rotation' }
  }
  if (Math.hypot(...pose.head.q) < 0.5) return { ok: false, reason: 'invalid head rotation' }
  // cap dt so a long pause does not bank a long jump
  const dt = Math.min(Math.max(dtSeconds, 0), 0.5)
  const walked = Math.hypot(x - last[0]!, z - last[2]!)
  if (walked > MOVEMENT.maxSpeed * dt + MOVEMENT.slack) return { ok: false, reason: 'moved faster than walking' }
  if (!passesThroughDoor(last[0]!, last[2]!, x, z)) return { ok: false, reason: 'walked through a wall' }
  return { ok: true, pose }
}

/** A teleport target must be on the floor, in reach, and in the same zone or next to a doorway of it. */
export function checkTeleport(fromX: number, fromZ: number, x: number, z: number): string | undefined {
  if (!isOnFloor(x, z, -0.25)) return 'target is not on the floor'
  if (Math.hypot(x - fromX, z - fromZ) > MOVEMENT.maxTeleportDistance) return 'target is out of reach'
  const a = zoneAt(fromX, fromZ)
  const b = zoneAt(x, z)
  if (a !== undefined && b !== undefined && a !== b) {
    const nearDoor = ZONES[a].entrances.some((e) => e.to === b && Math.hypot(x - e.x, z - e.z) <= 3)
    if (!nearDoor) return 'target is behind a wall'
  }
  return undefined
}

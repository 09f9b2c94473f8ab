import {
  encodePose,
  MOVEMENT,
  POSE_BYTES,
  zoneAt,
  zoneIndex,
  ZONES,
  type AvatarPose,
  type ZoneId,
} from '@atrium/common'

/**
 * Latest quantized pose of every avatar in one room, by slot. Poses are encoded once when they
 * change; every viewer's frame copies those bytes, so fan-out costs no re-encoding.
 */
export class PoseStore {
  /** Encoded poses, POSE_BYTES per slot. */
  readonly bytes: Uint8Array
  /** Head position (x, y, z) per slot, for interest management and validation. */
  readonly head: Float32Array
  /** Zone index per slot. */
  readonly zone: Uint8Array
  /** Bumped on every change; room-wide so a reused slot never matches a stale version. */
  readonly version: Uint32Array
  readonly used: Uint8Array
  /** When the last pose was accepted (ms), per slot. */
  readonly acceptedAt: Float64Array
  /** Slots in use, so per-viewer loops skip the empty ones. */
  readonly active: number[] = []
  private counter = 0

  constructor(readonly capacity: number) {
    this.bytes = new Uint8Array(capacity * POSE_BYTES)
    this.head = new Float32Array(capacity * 3)
    this.zone = new Uint8Array(capacity)
    this.version = new Uint32Array(capacity)
    this.used = new Uint8Array(capacity)
    this.acceptedAt = new Float64Array(capacity)
  }

  /** Claims the lowest free slot and places its avatar near the zone's spawn point (see `spawnPoint`). */
  allocate(zone: ZoneId, now = Date.now()): number {
    const slot = this.used.indexOf(0)
    if (slot < 0) throw new Error('room is full: no free pose slot')
    this.used[slot] = 1
    this.active.push(slot)
    const p = spawnPoint(zone, slot)
    this.set(slot, restPose(p.x, p.z), now)
    return slot
  }

  free(slot: number): void {
    this.used[slot] = 0
    const i = this.active.indexOf(slot)
    if (i >= 0) this.active.splice(i, 1)
  }

  /** Stores a validated pose. Returns the new zone index if the avatar changed zone. */
  set(slot: number, pose: AvatarPose, now = Date.now()): number | undefined {
    encodePose(pose, this.bytes, slot * POSE_BYTES)
    const h = pose.head.p
    this.head[slot * 3] = h[0]
    this.head[slot * 3 + 1] = h[1]
    this.head[slot * 3 + 2] = h[2]
    this.version[slot] = ++this.counter
    this.acceptedAt[slot] = now
    const z = zoneAt(h[0], h[2])
    if (z === undefined) return undefined
    const zi = zoneIndex(z)
    if (zi === this.zone[slot]) return undefined
    this.zone[slot] = zi
    return zi
  }

  headX(slot: number): number {
    return this.head[slot * 3]!
  }
  headY(slot: number): number {
    return this.head[slot * 3 + 1]!
  }
  headZ(slot: number): number {
    return this.head[slot * 3 + 2]!
  }
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5))

/**
 * A spot on a sunflower spiral around the zone's spawn point, different for each slot, so that
 * visitors who arrive together do not stand inside each other.
 */
export function spawnPoint(zone: ZoneId, slot: number): { x: number; z: number; yaw: number } {
  const s = ZONES[zone].spawn
  const n = slot % 40
  const r = 0.9 * Math.sqrt(n)
  return { x: s.x + r * Math.cos(n * GOLDEN_ANGLE), z: s.z + r * Math.sin(n * GOLDEN_ANGLE) * 0.5, yaw: s.yaw }
}

/** A standing pose at (x, z): eyes at eye height, hands relaxed at the sides, facing north. */
export function restPose(x: number, z: number, y: number = MOVEMENT.eyeHeight): AvatarPose {
  return {
    head: { p: [x, y, z], q: [0, 0, 0, 1] },
    left: { p: [x - 0.25, y - 0.65, z - 0.1], q: [0, 0, 0, 1] },
    right: { p: [x + 0.25, y - 0.65, z - 0.1], q: [0, 0, 0, 1] },
  }
}

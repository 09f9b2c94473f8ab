import { MOVEMENT, RECEPTION, ZONES, type PoseMsg } from '@atrium/common'

/** Where the bots wander: the atrium floor less a margin, so head sway never crosses a wall. */
const AREA = { minX: -11, maxX: 11, minZ: -9, maxZ: 9 } as const
const WALK_SPEED = 1.2
/** Longest step one pose may cover, so a stalled load process never produces an implausible jump. */
const MAX_DT = 0.5
/** Clearance kept from the reception desk (m), as a body would. */
const DESK_CLEARANCE = 0.4

type Tuple = PoseMsg['h']

/** Small deterministic PRNG (mulberry32) so that every run walks the same paths. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A visitor strolling between random points of the atrium at a plausible pace, nodding a little
 * and swinging its hands, so that every pose differs from the last (as a real headset's would).
 */
export class Walker {
  private x: number = ZONES.atrium.spawn.x
  private z: number = ZONES.atrium.spawn.z
  private yaw = 0
  private t = 0
  private tx = 0
  private tz = 0
  private readonly random: () => number
  private readonly msg: PoseMsg = { h: zero(), l: zero(), r: zero() }

  constructor(seed: number) {
    this.random = rng(seed)
    this.t = this.random() * 10
    this.pickTarget()
  }

  /** Starts from (x, z), where the server placed this visitor. */
  placeAt(x: number, z: number): void {
    this.x = x
    this.z = z
    this.pickTarget()
  }

  /** Advances `dtSeconds` and returns the pose message (the same object, refilled). */
  step(dtSeconds: number): PoseMsg {
    const dt = Math.min(Math.max(dtSeconds, 0), MAX_DT)
    this.t += dt
    const dx = this.tx - this.x
    const dz = this.tz - this.z
    const d = Math.hypot(dx, dz)
    const stride = WALK_SPEED * dt
    if (d <= stride) {
      this.x = this.tx
      this.z = this.tz
      this.pickTarget()
    } else {
      this.x += (dx / d) * stride
      this.z += (dz / d) * stride
      // yaw 0 looks north (-z); turn to face the walking direction
      this.yaw = Math.atan2(-dx, -dz)
    }
    const y = MOVEMENT.eyeHeight + 0.03 * Math.sin(this.t * 2 * Math.PI * 1.8)
    const pitch = 0.08 * Math.sin(this.t * 0.9)
    const swing = 0.12 * Math.sin(this.t * 2 * Math.PI * 0.9)
    setPose(this.msg.h, this.x, y, this.z, this.yaw, pitch)
    this.hand(this.msg.l, -0.25, y, swing)
    this.hand(this.msg.r, 0.25, y, -swing)
    return this.msg
  }

  private hand(out: Tuple, side: number, headY: number, swing: number): void {
    // the hand's offset in the head's frame (x right, z forward is -z), turned by the head's yaw
    const lx = side
    const lz = -0.15 - swing
    const c = Math.cos(this.yaw)
    const s = Math.sin(this.yaw)
    // controllers are held tilted down a little and rock with the swing
    setPose(out, this.x + lx * c + lz * s, headY - 0.55, this.z - lx * s + lz * c, this.yaw, -0.4 + swing)
  }

  /** A random point whose straight path from here stays clear of the reception desk. */
  private pickTarget(): void {
    do {
      this.tx = AREA.minX + this.random() * (AREA.maxX - AREA.minX)
      this.tz = AREA.minZ + this.random() * (AREA.maxZ - AREA.minZ)
    } while (crossesDesk(this.x, this.z, this.tx, this.tz))
  }
}

function crossesDesk(fx: number, fz: number, tx: number, tz: number): boolean {
  const steps = Math.max(1, Math.ceil(Math.hypot(tx - fx, tz - fz) / 0.2))
  for (let i = 0; i <= steps; i++) {
    const x = fx + ((tx - fx) * i) / steps
    const z = fz + ((tz - fz) * i) / steps
    const dx = Math.abs(x - RECEPTION.x) - RECEPTION.width / 2
    const dz = Math.abs(z - RECEPTION.z) - RECEPTION.depth / 2
    if (dx <= DESK_CLEARANCE && dz <= DESK_CLEARANCE) return true
  }
  return false
}

function zero(): Tuple {
  return [0, 0, 0, 0, 0, 0, 1]
}

/** Position plus the rotation yaw (about +y) then pitch (about the turned +x). */
function setPose(out: Tuple, x: number, y: number, z: number, yaw: number, pitch: number): void {
  const cy = Math.cos(yaw / 2)
  const sy = Math.sin(yaw / 2)
  const cx = Math.cos(pitch / 2)
  const sx = Math.sin(pitch / 2)
  out[0] = x
  out[1] = y
  out[2] = z
  out[3] = cy * sx
  out[4] = sy * cx
  out[5] = -sy * sx
  out[6] = cy * cx
}

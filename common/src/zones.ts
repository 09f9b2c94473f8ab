/**
 * The branch floor plan, defined once for server validation and client rendering.
 * Units are metres; +x east, -z north (the entrance is on the south side, +z).
 */

export const ZONE_IDS = ['atrium', 'suites', 'sandbox', 'auditorium'] as const
export type ZoneId = (typeof ZONE_IDS)[number]

/** Axis-aligned floor rectangle. */
export interface Bounds {
  minX: number
  maxX: number
  minZ: number
  maxZ: number
}

/** A doorway between two zones: centre on the shared wall and its width along that wall. */
export interface Entrance {
  to: ZoneId
  x: number
  z: number
  width: number
}

export interface Zone {
  id: ZoneId
  bounds: Bounds
  /** Where travel from the zone map puts you, facing `spawnYaw` (radians, 0 = looking north). */
  spawn: { x: number; z: number; yaw: number }
  entrances: Entrance[]
  /** Accent colour for signage and the map. */
  color: string
}

export const ZONES: Record<ZoneId, Zone> = {
  atrium: {
    id: 'atrium',
    bounds: { minX: -12, maxX: 12, minZ: -10, maxZ: 10 },
    spawn: { x: 0, z: 7, yaw: 0 },
    entrances: [
      { to: 'suites', x: 12, z: -3, width: 3 },
      { to: 'sandbox', x: -12, z: -3, width: 3 },
      { to: 'auditorium', x: 0, z: -10, width: 4 },
    ],
    color: '#c8a45c',
  },
  suites: {
    id: 'suites',
    bounds: { minX: 12, maxX: 26, minZ: -10, maxZ: 4 },
    spawn: { x: 14.5, z: -3, yaw: -Math.PI / 2 },
    entrances: [{ to: 'atrium', x: 12, z: -3, width: 3 }],
    color: '#5c8fc8',
  },
  sandbox: {
    id: 'sandbox',
    bounds: { minX: -26, maxX: -12, minZ: -10, maxZ: 4 },
    spawn: { x: -14.5, z: -3, yaw: Math.PI / 2 },
    entrances: [{ to: 'atrium', x: -12, z: -3, width: 3 }],
    color: '#5cc89a',
  },
  auditorium: {
    id: 'auditorium',
    bounds: { minX: -11, maxX: 11, minZ: -28, maxZ: -10 },
    spawn: { x: 0, z: -12.5, yaw: 0 },
    entrances: [{ to: 'atrium', x: 0, z: -10, width: 4 }],
    color: '#b86cc8',
  },
}

/** Reception desk position in the atrium, where the digital host stands. */
export const RECEPTION = { x: 0, z: -5, width: 6, depth: 1.4 } as const

/** The whole branch footprint, used to bound positions. */
export const BRANCH_BOUNDS: Bounds = {
  minX: Math.min(...ZONE_IDS.map((z) => ZONES[z].bounds.minX)),
  maxX: Math.max(...ZONE_IDS.map((z) => ZONES[z].bounds.maxX)),
  minZ: Math.min(...ZONE_IDS.map((z) => ZONES[z].bounds.minZ)),
  maxZ: Math.max(...ZONE_IDS.map((z) => ZONES[z].bounds.maxZ)),
}

function inside(b: Bounds, x: number, z: number, margin = 0): boolean {
  return x >= b.minX - margin && x <= b.maxX + margin && z >= b.minZ - margin && z <= b.maxZ + margin
}

/** The zone whose floor contains (x, z), or undefined when the point is outside the branch. */
export function zoneAt(x: number, z: number): ZoneId | undefined {
  for (const id of ZONE_IDS) if (inside(ZONES[id].bounds, x, z)) return id
  return undefined
}

/** True when (x, z) is on the branch floor (a small margin absorbs head sway near walls). */
export function isOnFloor(x: number, z: number, margin = 0.3): boolean {
  return ZONE_IDS.some((id) => inside(ZONES[id].bounds, x, z, margin))
}

/** Numeric zone code for compact encodings (index in ZONE_IDS). */
export function zoneIndex(id: ZoneId): number {
  return ZONE_IDS.indexOf(id)
}

/** Slack (m) for door checks: a step may graze the door frame. */
const DOOR_SLACK = 0.6

/** True when a step from (fx, fz) to (tx, tz) changes zone only through a doorway between them. */
export function passesThroughDoor(fx: number, fz: number, tx: number, tz: number): boolean {
  const a = zoneAt(fx, fz)
  const b = zoneAt(tx, tz)
  if (a === undefined || b === undefined || a === b) return true
  return ZONES[a].entrances.some(
    (e) => e.to === b && Math.hypot((fx + tx) / 2 - e.x, (fz + tz) / 2 - e.z) <= e.width / 2 + DOOR_SLACK,
  )
}

/** Distance (m) a body keeps from walls on the client. */
const BODY_RADIUS = 0.3

function inDoorway(x: number, z: number): boolean {
  return ZONE_IDS.some((id) =>
    ZONES[id].entrances.some((e) => {
      const b = ZONES[id].bounds
      // doorways sit on a vertical (x = const) or horizontal (z = const) wall
      const vertical = e.x === b.minX || e.x === b.maxX
      const along = vertical ? Math.abs(z - e.z) : Math.abs(x - e.x)
      const across = vertical ? Math.abs(x - e.x) : Math.abs(z - e.z)
      return along <= e.width / 2 - BODY_RADIUS && across <= BODY_RADIUS + 0.05
    }),
  )
}

/** True when a body can stand at (x, z): inside a zone clear of walls, in a doorway, not in the desk. */
export function isWalkable(x: number, z: number): boolean {
  const r = BODY_RADIUS
  const inDesk =
    Math.abs(x - RECEPTION.x) <= RECEPTION.width / 2 + r && Math.abs(z - RECEPTION.z) <= RECEPTION.depth / 2 + r
  if (inDesk) return false
  return isOnFloor(x, z, -r) || inDoorway(x, z)
}

/**
 * Moves from (fx, fz) towards (tx, tz) without entering walls or the desk, sliding along
 * obstacles where the full step is blocked. Returns the reachable point.
 */
export function constrainStep(fx: number, fz: number, tx: number, tz: number): [number, number] {
  const ok = (x: number, z: number) => isWalkable(x, z) && passesThroughDoor(fx, fz, x, z)
  if (ok(tx, tz)) return [tx, tz]
  if (ok(tx, fz)) return [tx, fz]
  if (ok(fx, tz)) return [fx, tz]
  return [fx, fz]
}

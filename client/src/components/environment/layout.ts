import { RECEPTION, ZONES } from '@atrium/common'

/**
 * Fixed dimensions of the branch interior, exported so other features (event stage, sandbox,
 * advisors) can place their content on the furniture drawn here.
 */
export const WALL = {
  thickness: 0.2,
  /** The atrium is a double-height hall; the other zones have a lower ceiling. */
  atriumHeight: 4,
  zoneHeight: 3.5,
  /** Clear height of every doorway. */
  doorHeight: 2.7,
  /** Width of the accent frame lining each doorway. */
  trim: 0.12,
} as const

/** Raised stage across the north end of the auditorium (top surface at `height`). */
export const STAGE = {
  minX: -8,
  maxX: 8,
  minZ: ZONES.auditorium.bounds.minZ + WALL.thickness / 2,
  maxZ: -23.5,
  height: 0.5,
} as const

/** Dark panel lining the auditorium's north wall behind the stage, so the screen stands out. */
export const BACKDROP = { minX: -8, maxX: 8, depth: 0.03 } as const

/** The blank presentation screen in front of the backdrop: centre of its lit surface, size, facing +z. */
export const SCREEN = {
  x: 0,
  y: 2.05,
  z: ZONES.auditorium.bounds.minZ + WALL.thickness / 2 + BACKDROP.depth + 0.051,
  width: 4.4,
  height: 2.475,
} as const

/** The round sandbox table in the middle of the sandbox hall; its glowing top is at `height`. */
export const SANDBOX_TABLE = { x: -19, z: -3, radius: 2.4, height: 0.9 } as const

/** Private meeting rooms in the advisory suites (glass-walled), each with a table at its centre. */
export const SUITE_ROOMS = [
  { minX: 16, maxX: 21, minZ: ZONES.suites.bounds.minZ, maxZ: -5.5 },
  { minX: 21, maxX: 26, minZ: ZONES.suites.bounds.minZ, maxZ: -5.5 },
  { minX: 16, maxX: 21, minZ: -0.5, maxZ: ZONES.suites.bounds.maxZ },
  { minX: 21, maxX: 26, minZ: -0.5, maxZ: ZONES.suites.bounds.maxZ },
] as const

/** Reception counter: an arc bowed towards the visitors, the host standing inside the curve. */
export const DESK = {
  /** Radius of the counter's front face; the centre of the arc lies far to the north. */
  radius: 6,
  thickness: 0.6,
  height: 1.05,
  /** Front apex of the counter (the point nearest the street). */
  frontZ: RECEPTION.z + 0.7,
} as const

/** Where the digital host stands, behind the counter. */
export const HOST_SPOT = { x: RECEPTION.x, z: RECEPTION.z - 1 } as const

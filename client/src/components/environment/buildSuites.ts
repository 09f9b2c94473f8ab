import { ZONES } from '@atrium/common'

import { addInstance, type BranchParts } from './branchParts.ts'
import { addBench, addPlanter, addScreen, addSideTable, addSign } from './furniture.ts'
import { SUITE_ROOMS, WALL } from './layout.ts'
import { place } from './meshBuilder.ts'

const S = ZONES.suites.bounds
const FACE = WALL.thickness / 2
const H = WALL.zoneHeight
const GLASS = '#d4e6ee'
const FRAME = '#4a4f57'
const CHAIR_TINT = '#8fa5c2'
const DOOR_Z = ZONES.suites.entrances[0]?.z ?? 0

/**
 * A floor-to-ceiling glass partition along x (at z = `line`) or z (at x = `line`), from `from` to
 * `to`, with an optional doorway gap. A frosted band at eye level gives the rooms privacy.
 */
function glassWall(
  parts: BranchParts,
  axis: 'x' | 'z',
  line: number,
  from: number,
  to: number,
  door?: [number, number],
) {
  const spans: [number, number][] = door
    ? [
        [from, door[0]],
        [door[1], to],
      ]
    : [[from, to]]
  const box = (u0: number, u1: number, y0: number, y1: number, d: number, color: string, alpha?: number) => {
    const b = alpha === undefined ? parts.satin : parts.glass
    if (axis === 'x') b.block(u0, u1, y0, y1, line - d / 2, line + d / 2, color, alpha)
    else b.block(line - d / 2, line + d / 2, y0, y1, u0, u1, color, alpha)
  }
  for (const [u0, u1] of spans) {
    box(u0, u1, 0.05, H - 0.05, 0.02, GLASS, 0.14)
    box(u0, u1, 1.05, 1.55, 0.026, '#ffffff', 0.42)
    box(u0, u1, 0, 0.05, 0.06, FRAME)
    box(u0, u1, H - 0.05, H, 0.06, FRAME)
    box(u0, u0 + 0.04, 0.05, H - 0.05, 0.06, FRAME)
    box(u1 - 0.04, u1, 0.05, H - 0.05, 0.06, FRAME)
  }
  if (door) {
    box(door[0], door[1], 2.3, H - 0.05, 0.02, GLASS, 0.14)
    box(door[0], door[1], 2.26, 2.3, 0.06, FRAME)
  }
}

/** A meeting table for four with the advisor's display on the back wall. */
function furnishRoom(parts: BranchParts, room: (typeof SUITE_ROOMS)[number], north: boolean) {
  const cx = (room.minX + room.maxX) / 2
  const cz = (room.minZ + room.maxZ) / 2 + (north ? 0.3 : -0.3)
  parts.satin.block(cx - 0.85, cx + 0.85, 0.7, 0.74, cz - 0.48, cz + 0.48, '#8a6747')
  for (const dx of [-0.6, 0.6]) parts.satin.block(cx + dx - 0.04, cx + dx + 0.04, 0, 0.7, cz - 0.3, cz + 0.3, FRAME)
  for (const dx of [-0.42, 0.42]) {
    addInstance(parts.chairs, place(cx + dx, 0, cz - 0.8, Math.PI), CHAIR_TINT)
    addInstance(parts.chairs, place(cx + dx, 0, cz + 0.8, 0), CHAIR_TINT)
  }
  const wallZ = north ? room.minZ + FACE : room.maxZ - FACE
  addScreen(parts, cx, 1.55, wallZ, north ? 0 : Math.PI, 1.6, 0.9)
  addPlanter(parts, room.maxX - 0.55, north ? room.minZ + 0.6 : room.maxZ - 0.6, 0.85)
}

/** The advisory suites: a lounge by the entrance and four glass-walled meeting rooms off a corridor. */
export function addSuites(parts: BranchParts): void {
  for (const room of SUITE_ROOMS) {
    const north = room.maxZ < 0
    const line = north ? room.maxZ : room.minZ
    const back = north ? room.minZ + FACE : room.maxZ - FACE
    const [z0, z1] = north ? [back, line - 0.03] : [line + 0.03, back]
    // neighbouring rooms share one glass side wall; the zone's own wall closes the far end
    if (room.minX === SUITE_ROOMS[0].minX) glassWall(parts, 'z', room.minX, z0, z1)
    if (room.maxX < S.maxX) glassWall(parts, 'z', room.maxX, z0, z1)
    const end = Math.min(room.maxX, S.maxX - FACE)
    glassWall(parts, 'x', line, room.minX, end, [room.minX + 0.6, room.minX + 1.7])
    furnishRoom(parts, room, north)
  }
  addSign(parts, 'suites', S.maxX - FACE, 2.2, DOOR_Z, -Math.PI / 2, 2.4)
  addSign(parts, 'atrium', S.minX + FACE, 3.15, DOOR_Z, Math.PI / 2, 1.8)
  addBench(parts, 14, S.maxZ - 0.7, 0, 2.2)
  for (const x of [13.6, 15]) addInstance(parts.chairs, place(x, 0, S.minZ + 0.8, Math.PI), CHAIR_TINT)
  addSideTable(parts, 14.3, S.minZ + 0.8, 0.25)
  addPlanter(parts, S.minX + 0.6, S.minZ + 0.6)
  addPlanter(parts, S.minX + 0.6, S.maxZ - 0.6)
}

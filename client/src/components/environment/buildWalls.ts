import { ZONES, type ZoneId } from '@atrium/common'

import type { BranchParts } from './branchParts.ts'
import { WALL } from './layout.ts'
import type { MeshBuilder } from './meshBuilder.ts'

const T = WALL.thickness
const WALL_COLOR = '#eeeae3'
const SKIRTING_COLOR = '#a39a8c'
const FRAME_COLOR = '#4a4f57'
const GLASS_COLOR = '#cfe3ea'

interface Opening {
  /** Centre along the wall and clear width. */
  at: number
  width: number
  to: ZoneId
}

/** A straight wall: along x at z = `line` (axis 'x') or along z at x = `line` (axis 'z'). */
interface WallRun {
  axis: 'x' | 'z'
  line: number
  from: number
  to: number
  height: number
  openings?: Opening[]
}

/** A box spanning [u0, u1] along the wall, [y0, y1] up and `depth` across it. */
function slab(
  b: MeshBuilder,
  w: WallRun,
  u0: number,
  u1: number,
  y0: number,
  y1: number,
  depth: number,
  color: string,
) {
  const v0 = w.line - depth / 2
  const v1 = w.line + depth / 2
  if (w.axis === 'x') b.block(u0, u1, y0, y1, v0, v1, color)
  else b.block(v0, v1, y0, y1, u0, u1, color)
}

function solid(b: MeshBuilder, w: WallRun, u0: number, u1: number) {
  if (u1 - u0 < 1e-3) return
  slab(b, w, u0, u1, 0, w.height, T, WALL_COLOR)
  slab(b, w, u0, u1, 0, 0.12, T + 0.02, SKIRTING_COLOR)
}

/**
 * Builds a wall with real gaps: each doorway keeps its full clear width, lined by a frame in the
 * colour of the zone it leads to, with a lintel above. Walls never overlap, so no faces z-fight.
 */
function addWall(b: MeshBuilder, w: WallRun) {
  const trim = WALL.trim
  const top = WALL.doorHeight + trim
  let cursor = w.from
  for (const o of [...(w.openings ?? [])].sort((p, q) => p.at - q.at)) {
    const o0 = o.at - o.width / 2
    const o1 = o.at + o.width / 2
    const color = ZONES[o.to].color
    solid(b, w, cursor, o0 - trim)
    slab(b, w, o0 - trim, o0, 0, WALL.doorHeight, T + 0.04, color)
    slab(b, w, o1, o1 + trim, 0, WALL.doorHeight, T + 0.04, color)
    slab(b, w, o0 - trim, o1 + trim, WALL.doorHeight, top, T + 0.04, color)
    slab(b, w, o0 - trim, o1 + trim, top, w.height, T, WALL_COLOR)
    cursor = o1 + trim
  }
  solid(b, w, cursor, w.to)
}

function opening(from: ZoneId, to: ZoneId): Opening {
  const e = ZONES[from].entrances.find((x) => x.to === to)
  if (!e) throw new Error(`no entrance from ${from} to ${to}`)
  return { at: e.x === ZONES[from].bounds.minX || e.x === ZONES[from].bounds.maxX ? e.z : e.x, width: e.width, to }
}

/** The street front: floor-to-ceiling glass between slim mullions, with glass doors in the middle. */
function addStreetFront(parts: BranchParts) {
  const { minX, maxX, maxZ } = ZONES.atrium.bounds
  const h = WALL.atriumHeight
  const x0 = minX + T / 2
  const x1 = maxX - T / 2
  parts.glass.block(x0, x1, 0.1, h - 0.08, maxZ - 0.01, maxZ + 0.01, GLASS_COLOR, 0.16)
  parts.satin.block(x0, x1, 0, 0.1, maxZ - 0.08, maxZ + 0.08, FRAME_COLOR)
  parts.satin.block(x0, x1, h - 0.08, h, maxZ - 0.08, maxZ + 0.08, FRAME_COLOR)
  parts.satin.block(x0, x1, 3.0, 3.07, maxZ - 0.06, maxZ + 0.06, FRAME_COLOR)
  for (const x of [-10, -7.5, -5, -2.5, -1.5, 0, 1.5, 2.5, 5, 7.5, 10]) {
    const w = Math.abs(x) === 1.5 ? 0.1 : 0.06
    parts.satin.block(x - w / 2, x + w / 2, 0.1, h - 0.08, maxZ - 0.06, maxZ + 0.06, FRAME_COLOR)
  }
  // door head and brass pull handles mark the way in
  parts.satin.block(-1.5, 1.5, 2.6, 2.68, maxZ - 0.06, maxZ + 0.06, FRAME_COLOR)
  for (const x of [-0.18, 0.18]) parts.satin.block(x - 0.02, x + 0.02, 0.8, 1.9, maxZ - 0.1, maxZ - 0.06, '#c8a45c')
}

/** Every wall of the branch, each run butting against its neighbours instead of overlapping them. */
export function addWalls(parts: BranchParts): void {
  const a = ZONES.atrium.bounds
  const s = ZONES.suites.bounds
  const x = ZONES.sandbox.bounds
  const d = ZONES.auditorium.bounds
  const hi = WALL.atriumHeight
  const lo = WALL.zoneHeight
  const h = T / 2
  const runs: WallRun[] = [
    { axis: 'x', line: a.minZ, from: x.minX - h, to: a.minX - h, height: lo },
    {
      axis: 'x',
      line: a.minZ,
      from: a.minX - h,
      to: a.maxX + h,
      height: hi,
      openings: [opening('atrium', 'auditorium')],
    },
    { axis: 'x', line: a.minZ, from: a.maxX + h, to: s.maxX + h, height: lo },
    { axis: 'z', line: a.minX, from: a.minZ + h, to: a.maxZ + h, height: hi, openings: [opening('atrium', 'sandbox')] },
    { axis: 'z', line: a.maxX, from: a.minZ + h, to: a.maxZ + h, height: hi, openings: [opening('atrium', 'suites')] },
    { axis: 'x', line: s.maxZ, from: s.minX + h, to: s.maxX + h, height: lo },
    { axis: 'z', line: s.maxX, from: s.minZ + h, to: s.maxZ - h, height: lo },
    { axis: 'x', line: x.maxZ, from: x.minX - h, to: x.maxX - h, height: lo },
    { axis: 'z', line: x.minX, from: x.minZ + h, to: x.maxZ - h, height: lo },
    { axis: 'z', line: d.minX, from: d.minZ + h, to: d.maxZ - h, height: lo },
    { axis: 'z', line: d.maxX, from: d.minZ + h, to: d.maxZ - h, height: lo },
    { axis: 'x', line: d.minZ, from: d.minX - h, to: d.maxX + h, height: lo },
  ]
  for (const run of runs) addWall(parts.matte, run)
  addStreetFront(parts)
}

import { ZONES, ZONE_IDS, type Bounds, type ZoneId } from '@atrium/common'
import { CircleGeometry, RingGeometry } from 'three'

import type { BranchParts } from './branchParts.ts'
import { SANDBOX_TABLE, WALL } from './layout.ts'
import { frameRects, place } from './meshBuilder.ts'

/** Stone tints per zone: a light field and a slightly deeper border band. */
const STONE: Record<ZoneId, { field: string; border: string }> = {
  atrium: { field: '#f1ebe0', border: '#ddd2c1' },
  suites: { field: '#e9ecf0', border: '#d2d9e2' },
  sandbox: { field: '#e7ede8', border: '#d0dcd3' },
  auditorium: { field: '#ece7ee', border: '#dad1de' },
}
const CEILING_COLOR = '#f7f5f1'
const LIGHT_COLOR = '#fffdf6'
/** Decals sit a few millimetres above the floor: enough to avoid z-fighting at the far end of the hall. */
const DECAL_Y = 0.004
/** Opening in the atrium ceiling for the skylight, and how deep its light well is. */
const SKYLIGHT = { minX: -6, maxX: 6, minZ: -2, maxZ: 6, depth: 0.6 }

const heightOf = (id: ZoneId) => (id === 'atrium' ? WALL.atriumHeight : WALL.zoneHeight)

/** Zone floor: a border band, a thin accent inlay line and the field, tiled without overlaps. */
function addZoneFloor(parts: BranchParts, id: ZoneId) {
  const { bounds, color } = ZONES[id]
  const band = 0.5
  const line = 0.06
  for (const r of frameRects(bounds, band)) parts.floor.rect(...r, 0, STONE[id].border)
  const inner = {
    minX: bounds.minX + band,
    maxX: bounds.maxX - band,
    minZ: bounds.minZ + band,
    maxZ: bounds.maxZ - band,
  }
  for (const r of frameRects(inner, line)) parts.floor.rect(...r, 0, color)
  const f = line + band
  parts.floor.rect(bounds.minX + f, bounds.maxX - f, bounds.minZ + f, bounds.maxZ - f, 0, STONE[id].field)
}

function ring(parts: BranchParts, x: number, z: number, inner: number, outer: number, color: string) {
  const g = new RingGeometry(inner, outer, 96)
  g.rotateX(-Math.PI / 2)
  parts.floor.add(g, color, place(x, DECAL_Y, z))
}

/** The pavement and road outside the glass front, so the street view is not a void. */
function addStreet(parts: BranchParts) {
  const { maxZ } = ZONES.atrium.bounds
  parts.floor.rect(-28, 28, maxZ + 0.1, maxZ + 6, -0.02, '#cfcac2')
  parts.floor.rect(-28, 28, maxZ + 6, maxZ + 6.3, -0.02, '#9c978f')
  parts.floor.rect(-40, 40, maxZ + 6.3, maxZ + 40, -0.1, '#6f7378')
  for (let x = -36; x <= 36; x += 6) parts.floor.rect(x, x + 3, maxZ + 13, maxZ + 13.15, -0.095, '#e8e6df')
}

/** A downward-facing ceiling over `b` at height `y`, leaving out an optional hole. */
function addCeiling(parts: BranchParts, b: Bounds, y: number, hole?: Bounds) {
  if (!hole) {
    parts.matte.rect(b.minX, b.maxX, b.minZ, b.maxZ, y, CEILING_COLOR, false)
    return
  }
  parts.matte.rect(b.minX, b.maxX, b.minZ, hole.minZ, y, CEILING_COLOR, false)
  parts.matte.rect(b.minX, b.maxX, hole.maxZ, b.maxZ, y, CEILING_COLOR, false)
  parts.matte.rect(b.minX, hole.minX, hole.minZ, hole.maxZ, y, CEILING_COLOR, false)
  parts.matte.rect(hole.maxX, b.maxX, hole.minZ, hole.maxZ, y, CEILING_COLOR, false)
}

/** A bright skylight recessed into the atrium ceiling, crossed by slim slats. */
function addSkylight(parts: BranchParts) {
  const { minX, maxX, minZ, maxZ, depth } = SKYLIGHT
  const y0 = WALL.atriumHeight
  const y1 = y0 + depth
  parts.glow.rect(minX, maxX, minZ, maxZ, y1, '#eef6fc', false)
  parts.matte.block(minX - 0.05, minX, y0, y1, minZ, maxZ, CEILING_COLOR)
  parts.matte.block(maxX, maxX + 0.05, y0, y1, minZ, maxZ, CEILING_COLOR)
  parts.matte.block(minX, maxX, y0, y1, minZ - 0.05, minZ, CEILING_COLOR)
  parts.matte.block(minX, maxX, y0, y1, maxZ, maxZ + 0.05, CEILING_COLOR)
  // a light grid of slim glazing bars, 2 m apart, just below the glow
  for (let x = minX + 2; x < maxX; x += 2)
    parts.satin.block(x - 0.02, x + 0.02, y1 - 0.06, y1 - 0.01, minZ, maxZ, '#ffffff')
  for (let z = minZ + 2; z < maxZ; z += 2)
    parts.satin.block(minX, maxX, y1 - 0.05, y1 - 0.01, z - 0.02, z + 0.02, '#ffffff')
}

/** Recessed linear lights in a zone's ceiling, running along x. */
function addCeilingLights(parts: BranchParts, b: Bounds, y: number) {
  for (let z = b.minZ + 2; z < b.maxZ - 1; z += 3) {
    for (let x = b.minX + 1.5; x + 2.4 < b.maxX - 1; x += 3.5)
      parts.glow.rect(x, x + 2.4, z, z + 0.16, y - 0.005, LIGHT_COLOR, false)
  }
}

/** Floors, ceilings, lights and the street outside: the shell every zone is built inside. */
export function addShell(parts: BranchParts): void {
  for (const id of ZONE_IDS) {
    addZoneFloor(parts, id)
    const y = heightOf(id)
    addCeiling(parts, ZONES[id].bounds, y, id === 'atrium' ? SKYLIGHT : undefined)
    if (id !== 'atrium') addCeilingLights(parts, ZONES[id].bounds, y)
  }
  // atrium: a cove of downlights around the skylight and a brass compass rose at the heart of the hall
  const a = ZONES.atrium.bounds
  for (const [x0, x1, z0, z1] of frameRects(
    { minX: a.minX + 1, maxX: a.maxX - 1, minZ: a.minZ + 1, maxZ: a.maxZ - 1 },
    0.12,
  )) {
    parts.glow.rect(x0, x1, z0, z1, WALL.atriumHeight - 0.005, LIGHT_COLOR, false)
  }
  addSkylight(parts)
  ring(parts, 0, 2, 1.5, 1.58, ZONES.atrium.color)
  ring(parts, 0, 2, 1.9, 1.93, ZONES.atrium.color)
  const disc = new CircleGeometry(0.35, 48)
  disc.rotateX(-Math.PI / 2)
  parts.floor.add(disc, ZONES.atrium.color, place(0, DECAL_Y, 2))
  ring(parts, SANDBOX_TABLE.x, SANDBOX_TABLE.z, 3.3, 3.38, ZONES.sandbox.color)
  addStreet(parts)
}

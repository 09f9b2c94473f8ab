import { ZONES } from '@atrium/common'
import { BoxGeometry } from 'three'

import { addInstance, type BranchParts } from './branchParts.ts'
import { addPlanter, addScreen, addSign } from './furniture.ts'
import { BACKDROP, SCREEN, STAGE, WALL } from './layout.ts'
import { place } from './meshBuilder.ts'

const D = ZONES.auditorium.bounds
const FACE = WALL.thickness / 2
const ACCENT = ZONES.auditorium.color
const STAGE_WOOD = '#a8825e'
const SEAT_TINT = '#9a86ab'
/** Seating: two blocks either side of a centre aisle, rows running back from the stage. */
const ROWS = { count: 6, first: -21, pitch: 1.05, perSide: 12, spacing: 0.65, aisle: 1.1 }

function addStage(parts: BranchParts) {
  const { minX, maxX, minZ, maxZ, height } = STAGE
  parts.satin.block(minX, maxX, 0, height, minZ, maxZ, STAGE_WOOD)
  // an accent light line under the stage lip, and two sets of steps up at the front corners
  parts.glow.block(minX, maxX, height - 0.07, height - 0.04, maxZ, maxZ + 0.01, ACCENT)
  for (const x of [minX + 1.2, maxX - 1.2])
    parts.satin.block(x - 0.6, x + 0.6, 0, height / 2, maxZ, maxZ + 0.4, STAGE_WOOD)
  parts.satin.add(new BoxGeometry(0.6, 1.1, 0.45), '#f1ede6', place(4.2, height + 0.55, maxZ - 1.2, 0))
  parts.matte.block(BACKDROP.minX, BACKDROP.maxX, height, WALL.zoneHeight, minZ, minZ + BACKDROP.depth, '#3b3a4f')
  addScreen(parts, SCREEN.x, SCREEN.y, minZ + BACKDROP.depth, 0, SCREEN.width, SCREEN.height)
}

function addSeating(parts: BranchParts) {
  for (let row = 0; row < ROWS.count; row++) {
    const z = ROWS.first + row * ROWS.pitch
    for (let i = 0; i < ROWS.perSide; i++) {
      const u = ROWS.aisle / 2 + 0.3 + i * ROWS.spacing
      addInstance(parts.seats, place(u, 0, z), SEAT_TINT)
      addInstance(parts.seats, place(-u, 0, z), SEAT_TINT)
    }
  }
}

/** Fabric acoustic panels along both side walls, tinted towards the zone colour. */
function addAcousticPanels(parts: BranchParts) {
  for (let z = D.minZ + 2.5; z < D.maxZ - 1.5; z += 2.5) {
    parts.matte.block(D.minX + FACE, D.minX + FACE + 0.05, 0.9, 3, z - 0.9, z + 0.9, '#ddd3e4')
    parts.matte.block(D.maxX - FACE - 0.05, D.maxX - FACE, 0.9, 3, z - 0.9, z + 0.9, '#ddd3e4')
  }
}

/** The investor education auditorium: stage and blank screen at the north end, rows of seats facing it. */
export function addAuditorium(parts: BranchParts): void {
  addStage(parts)
  addSeating(parts)
  addAcousticPanels(parts)
  addSign(parts, 'atrium', 0, 3.15, D.maxZ - FACE, Math.PI, 1.8)
  for (const x of [D.minX + 0.8, D.maxX - 0.8]) addPlanter(parts, x, D.minZ + 0.8, 1.2)
}

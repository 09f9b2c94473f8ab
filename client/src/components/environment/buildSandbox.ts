import { ZONES } from '@atrium/common'
import { CircleGeometry, CylinderGeometry, RingGeometry } from 'three'

import type { BranchParts } from './branchParts.ts'
import { addBench, addPlanter, addScreen, addSign } from './furniture.ts'
import { SANDBOX_TABLE, WALL } from './layout.ts'
import { place } from './meshBuilder.ts'

const X = ZONES.sandbox.bounds
const FACE = WALL.thickness / 2
const ACCENT = ZONES.sandbox.color
const DOOR_Z = ZONES.sandbox.entrances[0]?.z ?? 0

/** A flat ring facing up (or down) at height y around the table's centre. */
function tableRing(inner: number, outer: number, up: boolean) {
  const g = new RingGeometry(inner, outer, 72)
  g.rotateX(up ? -Math.PI / 2 : Math.PI / 2)
  return g
}

/**
 * The sandbox table: a stone drum carrying a wide disc whose top is a softly lit surface, ready
 * for the sandbox feature to place its models on. Faces are open where nothing can see them.
 */
function addTable(parts: BranchParts) {
  const { x, z, radius: r, height: h } = SANDBOX_TABLE
  const slab = 0.1
  const drum = r - 0.4
  const at = (y: number) => place(x, y, z)
  parts.satin.add(new CylinderGeometry(drum, drum, h - slab, 64, 1, true), '#dfe6e1', at((h - slab) / 2))
  parts.glow.add(new CylinderGeometry(drum + 0.006, drum + 0.006, 0.04, 64, 1, true), ACCENT, at(0.08))
  parts.satin.add(new CylinderGeometry(r, r, slab, 72, 1, true), '#f6f6f2', at(h - slab / 2))
  parts.satin.add(tableRing(drum, r, false), '#e8ebe6', at(h - slab))
  parts.satin.add(tableRing(r - 0.15, r, true), '#f6f6f2', at(h))
  parts.glow.add(tableRing(r - 0.19, r - 0.15, true), ACCENT, at(h))
  const top = new CircleGeometry(r - 0.19, 72)
  top.rotateX(-Math.PI / 2)
  parts.glow.add(top, '#dcefe5', at(h))
}

/** The sandbox hall: the round table at its heart, market displays on the long walls, benches and plants. */
export function addSandbox(parts: BranchParts): void {
  addTable(parts)
  for (const x of [-22.5, -15.5]) {
    addScreen(parts, x, 1.75, X.minZ + FACE, 0, 2.6, 1.46)
    addScreen(parts, x, 1.75, X.maxZ - FACE, Math.PI, 2.6, 1.46)
    addBench(parts, x, X.minZ + 0.9, 0, 2)
    addBench(parts, x, X.maxZ - 0.9, 0, 2)
  }
  // a wide band in the zone colour frames the hall's main sign
  parts.matte.block(X.minX + FACE, X.minX + FACE + 0.02, 0.12, WALL.zoneHeight, -5.2, -0.8, '#cfe5d8')
  addSign(parts, 'sandbox', X.minX + FACE + 0.02, 2.3, SANDBOX_TABLE.z, Math.PI / 2, 3.6)
  addSign(parts, 'atrium', X.maxX - FACE, 3.15, DOOR_Z, -Math.PI / 2, 1.8)
  for (const z of [X.minZ + 0.7, X.maxZ - 0.7]) {
    addPlanter(parts, X.minX + 0.7, z, 1.2)
    addPlanter(parts, X.maxX - 0.7, z)
  }
}

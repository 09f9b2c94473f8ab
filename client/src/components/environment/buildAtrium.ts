import { ZONES } from '@atrium/common'
import { BoxGeometry, PlaneGeometry } from 'three'

import { addInstance, type BranchParts } from './branchParts.ts'
import { addBench, addPlanter, addSideTable, addSign, yawTowards } from './furniture.ts'
import { WALL } from './layout.ts'
import { place } from './meshBuilder.ts'

const A = ZONES.atrium.bounds
const FACE = WALL.thickness / 2
const LOUNGE_TINT = '#d9c7a6'

/** Vertical oak slats either side of the auditorium doorway: a warm backdrop behind the host. */
function addSlatWall(parts: BranchParts) {
  const z = A.minZ + FACE
  const door = ZONES.atrium.entrances.find((e) => e.to === 'auditorium')
  const inner = (door?.width ?? 4) / 2 + WALL.trim + 0.5
  for (const side of [-1, 1]) {
    for (let u = inner; u < A.maxX - 0.6; u += 0.16) {
      const x = side * u
      parts.satin.block(x - 0.035, x + 0.035, 0.12, WALL.atriumHeight - 0.3, z, z + 0.045, '#b88d5f')
    }
  }
}

/** Two self-service kiosks against the west wall, under their sign. */
function addKiosks(parts: BranchParts) {
  const x = A.minX + FACE
  for (const z of [4.6, 6.2]) {
    parts.satin.add(new BoxGeometry(0.3, 1.5, 0.6), '#f4f1ec', place(x + 0.2, 0.75, z))
    parts.satin.add(new BoxGeometry(0.06, 0.62, 0.5), '#2b2f36', place(x + 0.38, 1.15, z, 0))
    parts.glow.add(new PlaneGeometry(0.44, 0.56), '#dcebf6', place(x + 0.411, 1.15, z, Math.PI / 2))
  }
  addSign(parts, 'selfService', x, 2.35, 5.4, Math.PI / 2, 1.8)
}

/** A lounge of four chairs around a side table, facing inwards. */
function addLounge(parts: BranchParts, cx: number, cz: number) {
  addSideTable(parts, cx, cz)
  for (const [dx, dz] of [
    [-0.95, 0],
    [0.95, 0],
    [0, -0.95],
    [0, 0.95],
  ] as const) {
    addInstance(parts.chairs, place(cx + dx, 0, cz + dz, yawTowards(cx + dx, cz + dz, cx, cz)), LOUNGE_TINT)
  }
}

/** The atrium: columns, signs over every doorway, lounges, benches, planters and kiosks. */
export function addAtrium(parts: BranchParts): void {
  for (const x of [-7.5, 7.5]) for (const z of [-6.5, 4.5]) addInstance(parts.columns, place(x, 0, z))

  addSign(parts, 'suites', A.maxX - FACE, 3.35, -3, -Math.PI / 2, 2.4)
  addSign(parts, 'sandbox', A.minX + FACE, 3.35, -3, Math.PI / 2, 2.4)
  addSign(parts, 'auditorium', 0, 3.3, A.minZ + FACE, 0, 3)

  addSlatWall(parts)
  addKiosks(parts)
  addLounge(parts, 8.6, 1.8)
  addLounge(parts, -8.6, 2.2)
  for (const x of [-5.2, 5.2]) addBench(parts, x, 8.7, 0, 2.2)
  addBench(parts, 10.9, 6.3, Math.PI / 2, 2.2)

  for (const z of [-5.6, -0.4]) {
    addPlanter(parts, A.maxX - 0.7, z)
    addPlanter(parts, A.minX + 0.7, z)
  }
  for (const x of [-3.1, 3.1]) addPlanter(parts, x, A.minZ + 0.8, 1.1)
  for (const x of [-11.1, 11.1]) addPlanter(parts, x, A.maxZ - 0.9, 1.3)
  addPlanter(parts, 10.9, 4.4, 0.9)
}

import { BoxGeometry, CircleGeometry, CylinderGeometry, PlaneGeometry, RingGeometry } from 'three'

import { addInstance, type BranchParts } from './branchParts.ts'
import { place } from './meshBuilder.ts'
import { signHeight, type SignId } from './signCatalog.ts'

/** Small pieces of furniture shared by several zones. Wall-mounted items take the wall face point and its outward yaw. */

const SIGN_BACKING = '#1d2a3a'
const SCREEN_FRAME = '#2b2f36'
const WOOD = '#b58b5f'
const STONE = '#d5ccbe'

/** Offsets a point on a wall face by `d` metres along the face's outward normal (yaw 0 faces +z). */
function outward(x: number, z: number, yaw: number, d: number): [number, number] {
  return [x + Math.sin(yaw) * d, z + Math.cos(yaw) * d]
}

/** A bilingual sign on a slim navy backing plate, fixed to the wall face at (x, y, z). */
export function addSign(parts: BranchParts, id: SignId, x: number, y: number, z: number, yaw: number, width: number) {
  const h = signHeight(id, width)
  const [bx, bz] = outward(x, z, yaw, 0.015)
  parts.satin.add(new BoxGeometry(width + 0.06, h + 0.06, 0.03), SIGN_BACKING, place(bx, y, bz, yaw))
  const [sx, sz] = outward(x, z, yaw, 0.031)
  parts.signs.push({ id, matrix: place(sx, y, sz, yaw), width })
}

/** A blank wall display: a dark bezel around a softly lit panel, centred at height y. */
export function addScreen(parts: BranchParts, x: number, y: number, z: number, yaw: number, w: number, h: number) {
  const [bx, bz] = outward(x, z, yaw, 0.025)
  parts.satin.add(new BoxGeometry(w + 0.1, h + 0.1, 0.05), SCREEN_FRAME, place(bx, y, bz, yaw))
  const [sx, sz] = outward(x, z, yaw, 0.051)
  parts.glow.add(new PlaneGeometry(w, h), '#e2eaf2', place(sx, y, sz, yaw))
}

/** A round stone planter with a shrub; `scale` grows both. */
export function addPlanter(parts: BranchParts, x: number, z: number, scale = 1) {
  const s = scale
  const h = 0.62 * s
  parts.satin.add(new CylinderGeometry(0.4 * s, 0.32 * s, h, 24, 1, true), '#ebe6de', place(x, h / 2, z))
  const rim = new RingGeometry(0.34 * s, 0.4 * s, 24)
  rim.rotateX(-Math.PI / 2)
  parts.satin.add(rim, '#c8a45c', place(x, h, z))
  const soil = new CircleGeometry(0.34 * s, 24)
  soil.rotateX(-Math.PI / 2)
  parts.matte.add(soil, '#4a3b2e', place(x, h - 0.04 * s, z))
  addInstance(parts.plants, place(x, h - 0.04 * s, z, x * 1.7 + z, s))
}

/** A backless bench: an oak seat on two stone blocks, `length` metres long along its local x. */
export function addBench(parts: BranchParts, x: number, z: number, yaw: number, length = 1.8) {
  parts.satin.add(new BoxGeometry(length, 0.07, 0.46), WOOD, place(x, 0.435, z, yaw))
  for (const u of [-1, 1]) {
    const [lx, lz] = [x + Math.cos(yaw) * u * (length / 2 - 0.25), z - Math.sin(yaw) * u * (length / 2 - 0.25)]
    parts.satin.add(new BoxGeometry(0.1, 0.4, 0.42), STONE, place(lx, 0.2, lz, yaw))
  }
}

/** A small round side table (used between lounge chairs). */
export function addSideTable(parts: BranchParts, x: number, z: number, radius = 0.35, height = 0.45) {
  parts.satin.add(new CylinderGeometry(radius, radius, 0.04, 24), WOOD, place(x, height - 0.02, z))
  parts.satin.add(
    new CylinderGeometry(0.04, 0.04, height - 0.04, 8, 1, true),
    SCREEN_FRAME,
    place(x, (height - 0.04) / 2, z),
  )
  parts.satin.add(new CylinderGeometry(0.2, 0.2, 0.02, 16), SCREEN_FRAME, place(x, 0.01, z))
}

/** Yaw that turns a prop facing local -z towards the point (tx, tz). */
export function yawTowards(x: number, z: number, tx: number, tz: number): number {
  return Math.atan2(-(tx - x), -(tz - z))
}

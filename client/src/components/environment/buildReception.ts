import { RECEPTION } from '@atrium/common'
import { BoxGeometry, ExtrudeGeometry, Shape } from 'three'

import type { BranchParts } from './branchParts.ts'
import { DESK, WALL } from './layout.ts'
import { place } from './meshBuilder.ts'
import { signHeight } from './signCatalog.ts'

const NAVY = '#1d2a3a'
const BRASS = '#c8a45c'

/** Centre of the counter's arc: far enough north that the arc spans RECEPTION.width at its front. */
const CENTRE_Z = DESK.frontZ - DESK.radius
const HALF_ANGLE = Math.asin(RECEPTION.width / 2 / DESK.radius)
/**
 * The suspended bank-name panel, high over the counter's front edge: from the street door the
 * auditorium sign on the wall behind shows below it rather than being hidden.
 */
const LOGO = { y: 3.5, z: DESK.frontZ - 0.25, width: 5.6 }

/**
 * A horizontal slice of an annulus between radii r0 and r1, spanning ±`half` radians around +z,
 * extruded from y0 to y1. Built as a polygon so the curve stays smooth with few triangles.
 */
function arcSlab(r0: number, r1: number, half: number, y0: number, y1: number): ExtrudeGeometry {
  const steps = 28
  const shape = new Shape()
  for (let i = 0; i <= steps; i++) {
    const a = -half + (2 * half * i) / steps
    // shape y becomes world -z after the rotation below, so store -cos to end up at +z
    if (i === 0) shape.moveTo(r1 * Math.sin(a), -r1 * Math.cos(a))
    else shape.lineTo(r1 * Math.sin(a), -r1 * Math.cos(a))
  }
  for (let i = steps; i >= 0; i--) {
    const a = -half + (2 * half * i) / steps
    shape.lineTo(r0 * Math.sin(a), -r0 * Math.cos(a))
  }
  const g = new ExtrudeGeometry(shape, { depth: y1 - y0, bevelEnabled: false })
  g.rotateX(-Math.PI / 2)
  g.translate(0, y0, 0)
  return g
}

/**
 * The reception: a curved counter bowed towards the visitors (the digital host stands inside the
 * curve, about a metre behind it) and the bank's name on a panel hanging above.
 */
export function addReception(parts: BranchParts): void {
  const r = DESK.radius
  const at = place(RECEPTION.x, 0, CENTRE_Z)
  parts.satin.add(arcSlab(r - DESK.thickness, r, HALF_ANGLE, 0, DESK.height), '#f4f1ec', at)
  parts.satin.add(
    arcSlab(r - DESK.thickness - 0.05, r + 0.05, HALF_ANGLE + 0.01, DESK.height, DESK.height + 0.05),
    '#7c5a3c',
    at,
  )
  // a warm light line just above the floor makes the counter float
  parts.glow.add(arcSlab(r, r + 0.012, HALF_ANGLE, 0.1, 0.13), '#ffd79a', at)
  parts.satin.add(arcSlab(r - 0.01, r + 0.008, HALF_ANGLE * 0.55, 0.3, 0.33), BRASS, at)
  const signW = 1.9
  parts.signs.push({
    id: 'reception',
    matrix: place(RECEPTION.x, 0.72, CENTRE_Z),
    width: signW,
    radius: r + 0.012,
  })

  const h = signHeight('logo', LOGO.width)
  parts.satin.add(new BoxGeometry(LOGO.width + 0.16, h + 0.16, 0.06), NAVY, place(RECEPTION.x, LOGO.y, LOGO.z))
  parts.signs.push({ id: 'logo', matrix: place(RECEPTION.x, LOGO.y, LOGO.z + 0.031), width: LOGO.width })
  parts.signs.push({ id: 'logo', matrix: place(RECEPTION.x, LOGO.y, LOGO.z - 0.031, Math.PI), width: LOGO.width })
  const top = LOGO.y + h / 2 + 0.08
  for (const x of [-2.3, 2.3]) {
    parts.satin.block(x - 0.012, x + 0.012, top, WALL.atriumHeight, LOGO.z - 0.012, LOGO.z + 0.012, BRASS)
  }
}

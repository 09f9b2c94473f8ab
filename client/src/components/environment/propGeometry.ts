import { CylinderGeometry, IcosahedronGeometry, RingGeometry, type BufferGeometry } from 'three'

import { MeshBuilder, place } from './meshBuilder.ts'

/**
 * Geometries of the repeated props, drawn as InstancedMeshes. Each faces local -z (a seat's
 * occupant looks towards -z) and stands on y = 0; white parts take the instance's tint.
 */

const BRASS = '#c8a45c'
const DARK = '#3d4148'

/** A stone-clad round column from floor to the atrium ceiling, with brass rings at both ends. */
export function columnGeometry(height: number): BufferGeometry {
  const b = new MeshBuilder()
  const cyl = (r: number, y0: number, y1: number, color: string) =>
    b.add(new CylinderGeometry(r, r, y1 - y0, 32, 1, true), color, place(0, (y0 + y1) / 2, 0))
  cyl(0.38, 0, 0.14, '#d9d0c2')
  cyl(0.3, 0.14, 0.18, BRASS)
  cyl(0.28, 0.18, height - 0.18, '#f6f3ee')
  cyl(0.3, height - 0.18, height - 0.14, BRASS)
  cyl(0.38, height - 0.14, height, '#d9d0c2')
  // the cylinders are open-ended: only the plinth's top and the capital's underside show
  const plinthTop = new RingGeometry(0.28, 0.38, 32)
  plinthTop.rotateX(-Math.PI / 2)
  b.add(plinthTop, '#d9d0c2', place(0, 0.14, 0))
  const capitalUnderside = new RingGeometry(0.28, 0.38, 32)
  capitalUnderside.rotateX(Math.PI / 2)
  b.add(capitalUnderside, '#d9d0c2', place(0, height - 0.14, 0))
  return b.build()
}

/** A leafy shrub that sits on a planter's soil (y = 0 is the soil line). */
export function plantGeometry(): BufferGeometry {
  const b = new MeshBuilder()
  const blobs: [number, number, number, number, string][] = [
    [0, 0.3, 0, 0.34, '#5f9156'],
    [0.2, 0.55, 0.06, 0.27, '#6ea862'],
    [-0.16, 0.62, -0.1, 0.29, '#4f8049'],
    [0.04, 0.88, 0.08, 0.22, '#78b46a'],
    [-0.05, 0.5, 0.22, 0.22, '#5a8f50'],
  ]
  for (const [x, y, z, r, color] of blobs) b.add(new IcosahedronGeometry(r, 1), color, place(x, y, z))
  b.add(new CylinderGeometry(0.03, 0.04, 0.3, 6, 1, true), '#6b5338', place(0, 0.15, 0))
  return b.build()
}

/** An upholstered meeting chair on a pedestal base. */
export function chairGeometry(): BufferGeometry {
  const b = new MeshBuilder()
  b.box(0.52, 0.1, 0.5, 0, 0.4, 0, '#ffffff')
  b.box(0.52, 0.46, 0.08, 0, 0.5, 0.23, '#ffffff')
  b.add(new CylinderGeometry(0.035, 0.035, 0.4, 8, 1, true), DARK, place(0, 0.2, 0))
  b.add(new CylinderGeometry(0.26, 0.26, 0.03, 20, 1), DARK, place(0, 0.015, 0))
  return b.build()
}

/** A theatre seat with side panels that double as armrests. */
export function seatGeometry(): BufferGeometry {
  const b = new MeshBuilder()
  b.box(0.5, 0.1, 0.46, 0, 0.4, -0.02, '#ffffff')
  b.box(0.5, 0.55, 0.08, 0, 0.45, 0.24, '#ffffff')
  for (const x of [-0.275, 0.275]) b.box(0.05, 0.64, 0.5, x, 0, 0, '#7a7382')
  return b.build()
}

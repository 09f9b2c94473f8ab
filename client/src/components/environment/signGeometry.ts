import { CylinderGeometry, PlaneGeometry, type BufferGeometry } from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'

import { ATLAS_SIZE, SIGNS, signHeight, type SignPlacement } from './signCatalog.ts'

/** Maps a part's 0..1 UVs into its sign's region of the atlas (canvas y runs down, UV v runs up). */
function toRegion(g: BufferGeometry, placement: SignPlacement): BufferGeometry {
  const [x, y, w, h] = SIGNS[placement.id].region
  const u0 = x / ATLAS_SIZE.width
  const du = w / ATLAS_SIZE.width
  const v0 = 1 - (y + h) / ATLAS_SIZE.height
  const dv = h / ATLAS_SIZE.height
  const uv = g.getAttribute('uv')
  for (let i = 0; i < uv.count; i++) uv.setXY(i, u0 + uv.getX(i) * du, v0 + uv.getY(i) * dv)
  return g
}

/** One merged mesh for every sign: flat panels, or curved ones wrapped onto a counter front. */
export function buildSignGeometry(placements: readonly SignPlacement[]): BufferGeometry {
  const parts = placements.map((p) => {
    const h = signHeight(p.id, p.width)
    let g: BufferGeometry
    if (p.radius === undefined) {
      g = new PlaneGeometry(p.width, h)
    } else {
      const arc = p.width / p.radius
      g = new CylinderGeometry(p.radius, p.radius, h, 16, 1, true, -arc / 2, arc)
    }
    toRegion(g, p)
    g.applyMatrix4(p.matrix)
    return g
  })
  const merged = mergeGeometries(parts)
  for (const g of parts) g.dispose()
  merged.computeBoundingSphere()
  return merged
}

import { ZONES, ZONE_IDS } from '@atrium/common'
import { DoubleSide, Mesh, MeshBasicMaterial, Raycaster, Vector3, type BufferGeometry } from 'three'
import { describe, expect, it } from 'vitest'

import { buildBranch } from './buildBranch.ts'
import { HOST_SPOT, WALL } from './layout.ts'
import { SIGNS } from './signCatalog.ts'

const branch = buildBranch()
const material = new MeshBasicMaterial({ side: DoubleSide })
const solids = [branch.matte, branch.satin, branch.glass].map((g) => new Mesh(g, material))
const raycaster = new Raycaster()

/** Distances to everything solid along the segment from `a` to `b`. */
function hits(a: Vector3, b: Vector3): number[] {
  const dir = b.clone().sub(a)
  raycaster.set(a, dir.clone().normalize())
  raycaster.far = dir.length()
  return raycaster.intersectObjects(solids, false).map((h) => h.distance)
}

const triangles = (g: BufferGeometry) => g.getAttribute('position').count / 3

describe('buildBranch', () => {
  it('stays within the environment triangle budget', () => {
    const merged = [branch.floor, branch.matte, branch.satin, branch.glass, branch.glow].map(triangles)
    const props = [branch.columns, branch.plants, branch.chairs, branch.seats].map(
      (p) => triangles(p.geometry) * p.matrices.length,
    )
    expect([...merged, ...props].reduce((a, c) => a + c, 0)).toBeLessThan(80_000)
  })

  it('leaves every doorway open and closes the wall beside it', () => {
    for (const id of ZONE_IDS) {
      for (const e of ZONES[id].entrances) {
        const alongX = e.z === ZONES[id].bounds.minZ || e.z === ZONES[id].bounds.maxZ
        const across = (u: number, y: number, d: number) =>
          alongX ? new Vector3(e.x + u, y, e.z + d) : new Vector3(e.x + d, y, e.z + u)
        for (const u of [-e.width / 2 + 0.05, 0, e.width / 2 - 0.05]) {
          for (const y of [0.3, 1.6, WALL.doorHeight - 0.05]) {
            expect(hits(across(u, y, -0.6), across(u, y, 0.6)), `${id} → ${e.to} at ${u}, ${y}`).toEqual([])
          }
        }
        expect(hits(across(e.width / 2 + 0.5, 1.6, -0.6), across(e.width / 2 + 0.5, 1.6, 0.6)).length).toBeGreaterThan(
          0,
        )
      }
    }
  })

  it('keeps the space behind the reception counter free for the host', () => {
    const p = new Vector3(HOST_SPOT.x, 0.05, HOST_SPOT.z)
    expect(hits(p.clone().setY(2.6), p)).toEqual([])
    expect(hits(p.clone().setX(p.x - 0.4), p.clone().setX(p.x + 0.4))).toEqual([])
  })

  it('places every sign at least once', () => {
    const used = new Set(branch.signs.map((s) => s.id))
    expect([...used].sort()).toEqual(Object.keys(SIGNS).sort())
  })
})

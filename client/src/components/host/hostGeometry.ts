import {
  BufferAttribute,
  BufferGeometry,
  Color,
  CylinderGeometry,
  Float32BufferAttribute,
  Matrix4,
  Quaternion,
  SphereGeometry,
  Vector3,
  type ColorRepresentation,
} from 'three'

import { VISEMES } from '@atrium/common/viseme-shapes'

/**
 * Morph targets of the host figure: the 15 Oculus visemes under the `viseme_*` names that Ready
 * Player Me / TalkingHead avatars use (digital-human.md §2), then blink and smile.
 */
export const MORPHS = [...VISEMES.map((v) => `viseme_${v}` as const), 'eyesClosed', 'mouthSmile'] as const
export type MorphName = (typeof MORPHS)[number]

/** Per-vertex displacement for one morph target, from the neutral position (x, y, z) of vertex `i`. */
export type Displace = (x: number, y: number, z: number, i: number, out: Vector3) => void

/**
 * One piece of the figure before merging: its geometry (indexed), a baked colour, how much it
 * follows the head (0 body … 1 head), whether it is an iris (moves with the gaze), and morphs.
 */
export interface HostPart {
  geometry: BufferGeometry
  color: ColorRepresentation
  head: number | ((y: number) => number)
  iris?: boolean
  morphs?: Partial<Record<MorphName, Displace>>
}

const tint = new Color()
const d = new Vector3()

/**
 * Merges parts into one indexed geometry with `color` and `aPart` (x: head weight, y: iris)
 * attributes and relative morph targets named as in `MORPHS`, so the whole figure is one draw.
 */
export function mergeParts(parts: HostPart[]): BufferGeometry {
  let vertices = 0
  let indices = 0
  for (const p of parts) {
    vertices += p.geometry.getAttribute('position').count
    indices += p.geometry.index!.count
  }
  const position = new Float32Array(vertices * 3)
  const normal = new Float32Array(vertices * 3)
  const color = new Float32Array(vertices * 3)
  const part = new Float32Array(vertices * 2)
  const index = new Uint32Array(indices)
  const morphs = MORPHS.map(() => new Float32Array(vertices * 3))
  let v0 = 0
  let i0 = 0
  for (const p of parts) {
    const pos = p.geometry.getAttribute('position')
    const nor = p.geometry.getAttribute('normal')
    const idx = p.geometry.index!
    tint.set(p.color)
    for (let i = 0; i < pos.count; i++) {
      const x = pos.getX(i)
      const y = pos.getY(i)
      const z = pos.getZ(i)
      const o = (v0 + i) * 3
      position.set([x, y, z], o)
      // vertices only in zero-area triangles (a grid row collapsed to a point) get no normal
      // from computeVertexNormals: give them one, in case a morph opens them up
      const nx = nor.getX(i)
      const ny = nor.getY(i)
      const nz = nor.getZ(i)
      if (nx * nx + ny * ny + nz * nz > 0.25) normal.set([nx, ny, nz], o)
      else normal.set([0, 0, 1], o)
      color.set([tint.r, tint.g, tint.b], o)
      part[(v0 + i) * 2] = typeof p.head === 'number' ? p.head : p.head(y)
      part[(v0 + i) * 2 + 1] = p.iris ? 1 : 0
      MORPHS.forEach((name, m) => {
        const f = p.morphs?.[name]
        if (!f) return
        f(x, y, z, i, d.set(0, 0, 0))
        morphs[m]!.set([d.x, d.y, d.z], o)
      })
    }
    for (let i = 0; i < idx.count; i++) index[i0 + i] = idx.getX(i) + v0
    v0 += pos.count
    i0 += idx.count
    p.geometry.dispose()
  }
  const g = new BufferGeometry()
  g.setIndex(new BufferAttribute(index, 1))
  g.setAttribute('position', new BufferAttribute(position, 3))
  g.setAttribute('normal', new BufferAttribute(normal, 3))
  g.setAttribute('color', new BufferAttribute(color, 3))
  g.setAttribute('aPart', new BufferAttribute(part, 2))
  g.morphAttributes.position = morphs.map((m, i) => {
    const a = new Float32BufferAttribute(m, 3)
    a.name = MORPHS[i]!
    return a
  })
  g.morphTargetsRelative = true
  g.computeBoundingSphere()
  g.computeBoundingBox()
  return g
}

/** An ellipsoid with radii (rx, ry, rz) centred at `c`. */
export function ellipsoid(rx: number, ry: number, rz: number, c: Vector3, w = 16, h = 12): BufferGeometry {
  const g = new SphereGeometry(1, w, h)
  g.applyMatrix4(new Matrix4().makeScale(rx, ry, rz).setPosition(c))
  return g
}

const UP = new Vector3(0, 1, 0)

/** A tapered tube from `a` (radius ra) to `b` (radius rb), open-ended. */
export function tube(a: Vector3, b: Vector3, ra: number, rb: number, segments = 12): BufferGeometry {
  const dir = b.clone().sub(a)
  const g = new CylinderGeometry(rb, ra, dir.length(), segments, 1, true)
  const q = new Quaternion().setFromUnitVectors(UP, dir.clone().normalize())
  g.applyMatrix4(new Matrix4().compose(a.clone().add(b).multiplyScalar(0.5), q, new Vector3(1, 1, 1)))
  return g
}

/**
 * A grid of `cols × rows` quads whose vertex (u, v) ∈ [0, 1]² is placed by `at`; normals are
 * computed. Used for surfaces laid onto the body (shirt, lapels, tie, mouth).
 */
export function grid(cols: number, rows: number, at: (u: number, v: number, out: Vector3) => void): BufferGeometry {
  const pos: number[] = []
  const idx: number[] = []
  const p = new Vector3()
  for (let j = 0; j <= rows; j++) {
    for (let i = 0; i <= cols; i++) {
      at(i / cols, j / rows, p)
      pos.push(p.x, p.y, p.z)
    }
  }
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      const a = j * (cols + 1) + i
      const b = a + 1
      const c = a + cols + 1
      const e = c + 1
      idx.push(a, b, e, a, e, c)
    }
  }
  const g = new BufferGeometry()
  g.setAttribute('position', new Float32BufferAttribute(pos, 3))
  g.setIndex(idx)
  g.computeVertexNormals()
  return g
}

/** Smoothstep between edges a and b. */
export function smooth(a: number, b: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - a) / (b - a)))
  return t * t * (3 - 2 * t)
}

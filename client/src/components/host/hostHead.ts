import { SphereGeometry, Vector3 } from 'three'

import type { Viseme } from '@atrium/common/viseme-shapes'
import { ellipsoid, grid, smooth, type Displace, type HostPart, type MorphName } from './hostGeometry.ts'
import { buildMouth, MOUTH_SHAPES, type MouthShape } from './hostMouth.ts'

/** The head: centre in figure coordinates (the figure faces +z, feet at y = 0) and radii. */
export const HEAD = { x: 0, y: 1.625, z: 0.005, rx: 0.083, ry: 0.108, rz: 0.097 } as const
/** Where the head turns: the top of the neck. */
export const NECK_PIVOT = new Vector3(0, 1.49, -0.01)

const MOUTH_Y = -0.052
const EYE = { x: 0.031, y: 0.012, halfW: 0.0125, halfH: 0.0078 } as const

export const PALETTE = {
  skin: '#f0c9aa',
  hair: '#2b2521',
  eye: '#ffffff',
  iris: '#22384c',
  pupil: '#0b1320',
  lash: '#1b1512',
  lips: '#d4877a',
  cavity: '#40181c',
  teeth: '#ffffff',
} as const

/** Unit sphere direction → head surface (local to the head centre): a narrower jaw, a flatter face. */
function headShape(sx: number, sy: number, sz: number, out: Vector3): Vector3 {
  const jaw = sy < 0 ? 1 - 0.3 * (-sy) ** 1.6 : 1
  const chin = sz > 0 ? 0.008 * smooth(-0.55, -0.85, sy) * sz : 0
  return out.set(HEAD.rx * sx * jaw, HEAD.ry * sy, HEAD.rz * sz * (sz > 0 ? 0.96 : 1.04) + chin)
}

/** Height of the face surface (local z) in front of local (x, y). */
export function faceZ(x: number, y: number): number {
  const sy = Math.max(-1, Math.min(1, y / HEAD.ry))
  const jaw = sy < 0 ? 1 - 0.3 * (-sy) ** 1.6 : 1
  const sx = x / (HEAD.rx * jaw)
  const sz = Math.sqrt(Math.max(0, 1 - sx * sx - sy * sy))
  return HEAD.rz * sz * 0.96 + 0.008 * smooth(-0.55, -0.85, sy) * sz
}

/** Local face point (x, y, height above the surface) → figure coordinates, in place. */
function onFace(p: Vector3): Vector3 {
  return p.set(HEAD.x + p.x, HEAD.y + p.y, HEAD.z + faceZ(p.x, p.y) + p.z)
}

/**
 * The skin around the mouth for a viseme: the chin follows the jaw (sliding along the face, not
 * through it), and inside the lips' opening the skin steps back so the dark mouth shows.
 */
function skinMorph(m: MouthShape): Displace {
  const open = Math.min(1, Math.max(0, m.up + m.down) / 0.006)
  return (x, y, z, _i, out) => {
    const lx = x - HEAD.x
    const ly = y - HEAD.y
    const front = smooth(0, 0.05, z - HEAD.z)
    if (front === 0) return
    const dy = -m.jaw * smooth(MOUTH_Y - 0.004, MOUTH_Y - 0.03, ly) * front
    const inside =
      smooth(0.032, 0.02, Math.abs(lx)) *
      smooth(MOUTH_Y - m.down - 0.012, MOUTH_Y - m.down, ly) *
      smooth(MOUTH_Y + m.up + 0.01, MOUTH_Y + m.up, ly)
    const dz = (faceZ(lx, ly + dy) - faceZ(lx, ly)) * front - 0.004 * inside * open
    out.set(0, dy, dz)
  }
}

function skull(): HostPart {
  const g = new SphereGeometry(1, 34, 24)
  const pos = g.getAttribute('position')
  const p = new Vector3()
  for (let i = 0; i < pos.count; i++) {
    headShape(pos.getX(i), pos.getY(i), pos.getZ(i), p)
    pos.setXYZ(i, p.x + HEAD.x, p.y + HEAD.y, p.z + HEAD.z)
  }
  g.computeVertexNormals()
  const morphs: HostPart['morphs'] = {}
  for (const v of Object.keys(MOUTH_SHAPES) as Viseme[]) {
    const m = MOUTH_SHAPES[v]
    if (m.jaw > 0 || m.up + m.down > 0) morphs[`viseme_${v}` as MorphName] = skinMorph(m)
  }
  return { geometry: g, color: PALETTE.skin, head: 1, morphs }
}

/**
 * Short hair: a shell over the skull that dips just under the skin below the hairline, so the
 * depth test draws a smooth hairline across the triangles (lower at the back; a side part in
 * front, swept lower to one side). Triangles wholly under the skin are dropped.
 */
function hair(): HostPart {
  const g = new SphereGeometry(1, 30, 22)
  const pos = g.getAttribute('position')
  const cover = new Float32Array(pos.count)
  const p = new Vector3()
  for (let i = 0; i < pos.count; i++) {
    const sx = pos.getX(i)
    const sy = pos.getY(i)
    const sz = pos.getZ(i)
    const front = 0.62 - 0.1 * smooth(-0.1, 0.6, -sx) + 0.04 * smooth(0.15, 0.55, sx)
    const line = sz > 0 ? 0.18 + (front - 0.18) * sz ** 1.2 : 0.18 - 0.78 * (-sz) ** 1.1
    const t = smooth(line - 0.02, line + 0.1, sy)
    cover[i] = t
    headShape(sx, sy, sz, p)
    // thicker on top, close at the temples; 1.5 mm under the skin where there is no hair
    const lift = -0.0015 + t * (0.0075 + 0.01 * Math.max(0, sy))
    const len = p.length()
    p.multiplyScalar((len + lift) / len)
    pos.setXYZ(i, p.x + HEAD.x, p.y + HEAD.y + 0.002 * t, p.z + HEAD.z - 0.003 * t)
  }
  const index = g.index!
  const kept: number[] = []
  for (let k = 0; k < index.count; k += 3) {
    const a = index.getX(k)
    const b = index.getX(k + 1)
    const c = index.getX(k + 2)
    if (cover[a]! + cover[b]! + cover[c]! > 0) kept.push(a, b, c)
  }
  g.setIndex(kept)
  g.computeVertexNormals()
  return { geometry: g, color: PALETTE.hair, head: 1 }
}

/** Eye outline point at angle a (almond: the lower lid flatter, the outer corner a little higher). */
function eyeOutline(a: number, side: number, out: Vector3): Vector3 {
  const c = Math.cos(a)
  const s = Math.sin(a)
  const y = EYE.halfH * s * (s > 0 ? 1 : 0.8) + 0.0015 * c
  return out.set(EYE.halfW * c * side, y, 0)
}

/** Blink: everything of the eye folds onto the lid line. */
const blink: (cy: number) => Displace = (cy) => (_x, y, _z, _i, out) => {
  const lid = HEAD.y + cy - 0.003
  out.y = lid + (y - lid) * 0.06 - y
}

function eye(side: number): HostPart[] {
  const cx = EYE.x * side
  const cy = EYE.y
  const at = (p: Vector3, h: number) => onFace(p.set(cx + p.x, cy + p.y, h))
  const white = grid(16, 3, (u, v, out) => {
    eyeOutline(-2 * Math.PI * u * side, side, out).multiplyScalar(v)
    return at(out, 0.0012 + 0.0012 * (1 - v * v))
  })
  const disc = (r: number, h: number, dx = 0, dy = 0) =>
    grid(12, 2, (u, v, out) =>
      at(out.set(dx + r * v * Math.cos(-2 * Math.PI * u), dy + r * v * Math.sin(-2 * Math.PI * u), 0), h),
    )
  const lash = grid(12, 1, (u, v, out) => {
    // left to right along the upper lid on both sides, so the faces look forwards
    eyeOutline(side > 0 ? Math.PI * (1 - u) : Math.PI * u, side, out)
    out.y += v * 0.0018
    out.x *= 1 + v * 0.08
    return at(out, 0.0028)
  })
  const closed = { eyesClosed: blink(cy) }
  return [
    { geometry: white, color: PALETTE.eye, head: 1, morphs: closed },
    { geometry: disc(0.0066, 0.0026), color: PALETTE.iris, head: 1, iris: true, morphs: closed },
    { geometry: disc(0.003, 0.0029), color: PALETTE.pupil, head: 1, iris: true, morphs: closed },
    { geometry: disc(0.0011, 0.0032, 0.0018, 0.0019), color: PALETTE.eye, head: 1, iris: true, morphs: closed },
    { geometry: lash, color: PALETTE.lash, head: 1, morphs: closed },
  ]
}

function brow(side: number): HostPart {
  const g = grid(8, 1, (u, v, out) => {
    // t runs from the inner to the outer end; u always left to right
    const t = side > 0 ? u : 1 - u
    const y = 0.035 + 0.007 * Math.sin(Math.PI * (0.2 + 0.8 * t)) - 0.004 * t + v * (0.0048 - 0.0025 * t)
    return onFace(out.set(side * (0.012 + 0.038 * t), y, 0.0018))
  })
  return { geometry: g, color: PALETTE.hair, head: 1 }
}

function nose(): HostPart[] {
  const bridge = new Vector3(0, -0.014, 0)
  const tip = new Vector3(0, -0.031, 0)
  return [
    {
      geometry: ellipsoid(0.0085, 0.02, 0.011, onFace(bridge).setZ(bridge.z - 0.0035), 10, 8),
      color: PALETTE.skin,
      head: 1,
    },
    { geometry: ellipsoid(0.011, 0.0085, 0.009, onFace(tip).setZ(tip.z + 0.001), 10, 6), color: PALETTE.skin, head: 1 },
  ]
}

function ears(): HostPart[] {
  return [-1, 1].map((side) => ({
    geometry: ellipsoid(
      0.009,
      0.024,
      0.015,
      new Vector3(side * (HEAD.rx - 0.003), HEAD.y - 0.004, HEAD.z - 0.01),
      8,
      6,
    ),
    color: PALETTE.skin,
    head: 1,
  }))
}

/** Everything that turns with the head: skull, hair, face (eyes with lids, brows, nose, mouth) and ears. */
export function buildHead(): HostPart[] {
  const mouthPlace = (p: Vector3) => onFace(p.set(p.x, p.y + MOUTH_Y, p.z))
  return [
    skull(),
    hair(),
    ...eye(1),
    ...eye(-1),
    brow(1),
    brow(-1),
    ...nose(),
    ...ears(),
    ...buildMouth(mouthPlace, { lips: PALETTE.lips, cavity: PALETTE.cavity, teeth: PALETTE.teeth }),
  ]
}

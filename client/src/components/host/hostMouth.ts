import { Vector3 } from 'three'

import type { Viseme } from '@atrium/common/viseme-shapes'
import { grid, MORPHS, type HostPart, type MorphName } from './hostGeometry.ts'

/**
 * A mouth shape. The lips' inner edge is an ellipse-like curve around the mouth centre; its
 * upper half is lifted by `up`, its lower half dropped by `down` (negative: raised, as the lower
 * lip does against the upper teeth for f/v), `w` scales the width, `round` makes the opening
 * rounder, `push` protrudes the lips, `press` thins them (p/b/m), `jaw` drops the chin, `smile`
 * lifts the corners.
 */
export interface MouthShape {
  w: number
  up: number
  down: number
  push: number
  round: number
  press: number
  jaw: number
  smile: number
}

const REST: MouthShape = { w: 1, up: 0, down: 0, push: 0, round: 0, press: 0, jaw: 0, smile: 0 }
const shape = (s: Partial<MouthShape>): MouthShape => ({ ...REST, ...s })

/** The 15 viseme shapes (metres). Closed, pressed, teeth-on-lip, spread and rounded all differ. */
export const MOUTH_SHAPES: Record<Viseme, MouthShape> = {
  sil: REST,
  PP: shape({ w: 0.94, push: 0.0015, press: 1 }),
  FF: shape({ w: 1.02, up: 0.0035, down: -0.0015, press: 0.5, jaw: 0.001 }),
  TH: shape({ up: 0.003, down: 0.004, jaw: 0.003 }),
  DD: shape({ up: 0.0025, down: 0.006, jaw: 0.004 }),
  kk: shape({ w: 0.96, up: 0.003, down: 0.008, jaw: 0.006 }),
  CH: shape({ w: 0.78, up: 0.005, down: 0.006, push: 0.005, round: 0.5, jaw: 0.004 }),
  SS: shape({ w: 1.08, up: 0.002, down: 0.003, jaw: 0.002 }),
  nn: shape({ up: 0.0025, down: 0.005, jaw: 0.003 }),
  RR: shape({ w: 0.8, up: 0.003, down: 0.006, push: 0.004, round: 0.5, jaw: 0.004 }),
  aa: shape({ w: 1.02, up: 0.006, down: 0.019, jaw: 0.014 }),
  E: shape({ w: 1.14, up: 0.005, down: 0.011, jaw: 0.007 }),
  I: shape({ w: 1.2, up: 0.004, down: 0.006, jaw: 0.003 }),
  O: shape({ w: 0.66, up: 0.008, down: 0.014, push: 0.007, round: 0.85, jaw: 0.01 }),
  U: shape({ w: 0.5, up: 0.0035, down: 0.0045, push: 0.011, round: 1, jaw: 0.003 }),
}

const SMILE = shape({ smile: 1 })

/** The shape each morph target adds (blink is on the eyes, not here). */
function morphShape(name: MorphName): MouthShape | undefined {
  if (name === 'mouthSmile') return SMILE
  if (name === 'eyesClosed') return undefined
  return MOUTH_SHAPES[name.slice('viseme_'.length) as Viseme]
}

/** Half-width of the mouth at rest (m). */
const HALF_WIDTH = 0.022

type Layer = 'lips' | 'cavity' | 'teeth'

/**
 * A point of the mouth in face coordinates (x right, y up, relative to the mouth centre; `z` is
 * the height above the face surface): `theta` runs around the mouth, `s` across the lips (lips)
 * or from the centre to the lips' inner edge (cavity, teeth).
 */
export function mouthPoint(theta: number, s: number, m: MouthShape, layer: Layer, out: Vector3): Vector3 {
  const c = Math.cos(theta)
  const sn = Math.sin(theta)
  const a = Math.abs(sn)
  const upper = sn >= 0
  const k = 1 - 0.45 * m.round
  const lift = m.smile * 0.0035 * c ** 4
  const ix = HALF_WIDTH * m.w * c + m.smile * 0.0015 * c
  const iy = (upper ? m.up : -m.down) * a ** k + lift
  if (layer === 'lips') {
    const thick = (upper ? 0.0065 : 0.0085) * (1 - 0.45 * m.press)
    const ox = ix + c * 0.0035 * (1 - 0.4 * m.round)
    const oy = iy + (upper ? thick : -thick) * a ** 0.55
    const bulge = 0.0026 * a ** 0.4 * (1 - (2 * s - 1) ** 2)
    return out.set(ix + (ox - ix) * s, iy + (oy - iy) * s, 0.0022 + bulge + m.push * (1 - 0.3 * s))
  }
  // the cavity (and the upper teeth) fill the opening from its centre out to the inner edge
  const cy = (m.up - m.down) / 2 + lift
  const z = (layer === 'teeth' ? 0.0019 : 0.0015) + m.push * 0.7
  return out.set(ix * s, cy + (iy - cy) * s, z)
}

/**
 * The three mouth parts (lips, dark cavity, upper teeth) with every viseme and the smile as
 * morph targets. `place` maps face coordinates onto the head (adding the surface height).
 */
export function buildMouth(place: (p: Vector3) => Vector3, colors: Record<Layer, string>): HostPart[] {
  const layers: [Layer, number, number, number, number][] = [
    // layer, columns, rows, theta from, theta to (theta runs clockwise so the faces look forwards)
    ['lips', 32, 3, 0, -2 * Math.PI],
    ['cavity', 32, 2, 0, -2 * Math.PI],
    ['teeth', 12, 2, 0.85 * Math.PI, 0.15 * Math.PI],
  ]
  const p = new Vector3()
  return layers.map(([layer, cols, rows, t0, t1]) => {
    const at = (u: number, v: number, m: MouthShape, out: Vector3) => {
      const s = layer === 'teeth' ? 0.55 + 0.45 * v : v
      return place(mouthPoint(t0 + (t1 - t0) * u, s, m, layer, out))
    }
    const geometry = grid(cols, rows, (u, v, out) => at(u, v, REST, out))
    const count = (cols + 1) * (rows + 1)
    // the closed mouth has no opening, so the cavity and teeth have no area to take normals
    // from: they face forwards (morphs move positions only)
    if (layer !== 'lips') {
      const n = geometry.getAttribute('normal')
      for (let i = 0; i < count; i++) n.setXYZ(i, 0, -0.1, 0.995)
    }
    const morphs: HostPart['morphs'] = {}
    for (const name of MORPHS) {
      const m = morphShape(name)
      // viseme_sil is the rest shape: its target stays all zeros
      if (!m || m === REST) continue
      const delta = new Float32Array(count * 3)
      for (let j = 0, i = 0; j <= rows; j++) {
        for (let c = 0; c <= cols; c++, i++) {
          at(c / cols, j / rows, m, p)
          const base = geometry.getAttribute('position')
          delta[i * 3] = p.x - base.getX(i)
          delta[i * 3 + 1] = p.y - base.getY(i)
          delta[i * 3 + 2] = p.z - base.getZ(i)
        }
      }
      morphs[name] = (_x, _y, _z, i, out) => void out.fromArray(delta, i * 3)
    }
    return { geometry, color: colors[layer], head: 1, morphs }
  })
}

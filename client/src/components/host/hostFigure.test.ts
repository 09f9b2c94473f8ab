import { Vector3, type BufferAttribute } from 'three'
import { describe, expect, it } from 'vitest'

import { buildHostFigure } from './hostFigure.ts'
import { MORPHS } from './hostGeometry.ts'
import { HEAD } from './hostHead.ts'
import { MOUTH_SHAPES, mouthPoint } from './hostMouth.ts'

const g = buildHostFigure()
const morph = (name: string) => g.morphAttributes.position!.find((a) => a.name === name) as BufferAttribute

/** Largest per-vertex distance between two morph targets (m). */
function distance(a: string, b: string): number {
  const x = morph(a).array
  const y = morph(b).array
  let max = 0
  for (let i = 0; i < x.length; i += 3) {
    max = Math.max(max, Math.hypot(x[i]! - y[i]!, x[i + 1]! - y[i + 1]!, x[i + 2]! - y[i + 2]!))
  }
  return max
}

describe('host figure', () => {
  it('stays under 10k triangles in one indexed geometry', () => {
    const triangles = g.index!.count / 3
    expect(triangles).toBeLessThan(10_000)
    expect(triangles).toBeGreaterThan(3_000)
    expect(g.getAttribute('color').count).toBe(g.getAttribute('position').count)
    expect(g.getAttribute('aPart').itemSize).toBe(2)
  })

  it('has a unit normal at every vertex (the closed mouth included)', () => {
    const n = g.getAttribute('normal')
    for (let i = 0; i < n.count; i++) expect(Math.hypot(n.getX(i), n.getY(i), n.getZ(i))).toBeCloseTo(1, 2)
  })

  it('carries the Oculus visemes, blink and smile as named morph targets', () => {
    expect(g.morphAttributes.position!.map((a) => a.name)).toEqual([...MORPHS])
    expect(MORPHS.slice(0, 15)).toEqual([
      'viseme_sil', 'viseme_PP', 'viseme_FF', 'viseme_TH', 'viseme_DD', 'viseme_kk', 'viseme_CH', 'viseme_SS',
      'viseme_nn', 'viseme_RR', 'viseme_aa', 'viseme_E', 'viseme_I', 'viseme_O', 'viseme_U',
    ]) // prettier-ignore
    expect(morph('viseme_sil').array.every((v) => v === 0)).toBe(true)
    expect(g.morphTargetsRelative).toBe(true)
  })

  it('gives the key visemes clearly different mouth shapes (at least 1.5 mm apart)', () => {
    const keys = ['viseme_sil', 'viseme_PP', 'viseme_FF', 'viseme_aa', 'viseme_E', 'viseme_I', 'viseme_O', 'viseme_U']
    for (const a of keys)
      for (const b of keys) if (a < b) expect(distance(a, b), `${a} vs ${b}`).toBeGreaterThan(0.0015)
  })

  it('orders the vowels as a face does: aa opens widest, I spreads most, U rounds and pushes most', () => {
    const p = new Vector3()
    const open = (v: keyof typeof MOUTH_SHAPES) =>
      mouthPoint(Math.PI / 2, 0, MOUTH_SHAPES[v], 'lips', p).y -
      mouthPoint(-Math.PI / 2, 0, MOUTH_SHAPES[v], 'lips', p).y
    const width = (v: keyof typeof MOUTH_SHAPES) => mouthPoint(0, 1, MOUTH_SHAPES[v], 'lips', p).x
    expect(open('aa')).toBeGreaterThan(open('O'))
    expect(open('O')).toBeGreaterThan(open('E'))
    expect(open('E')).toBeGreaterThan(open('I'))
    expect(open('sil')).toBe(0)
    expect(open('PP')).toBe(0)
    expect(width('I')).toBeGreaterThan(width('E'))
    expect(width('E')).toBeGreaterThan(width('aa'))
    expect(width('aa')).toBeGreaterThan(width('O'))
    expect(width('O')).toBeGreaterThan(width('U'))
    expect(MOUTH_SHAPES.U.push).toBeGreaterThan(MOUTH_SHAPES.O.push)
  })

  it('closes the eyes with eyesClosed and moves nothing else', () => {
    const blink = morph('eyesClosed').array
    const pos = g.getAttribute('position')
    let moved = 0
    for (let i = 0; i < pos.count; i++) {
      if (Math.abs(blink[i * 3 + 1]!) > 1e-6) {
        moved++
        expect(pos.getY(i)).toBeGreaterThan(HEAD.y)
        expect(pos.getY(i)).toBeLessThan(HEAD.y + 0.03)
      }
    }
    expect(moved).toBeGreaterThan(50)
  })

  it('turns everything above the neck with the head and nothing below the shoulders', () => {
    const pos = g.getAttribute('position')
    const part = g.getAttribute('aPart')
    for (let i = 0; i < pos.count; i++) {
      if (pos.getY(i) > 1.58) expect(part.getX(i)).toBeCloseTo(1, 5)
      if (pos.getY(i) < 1.42) expect(part.getX(i)).toBe(0)
    }
  })
})

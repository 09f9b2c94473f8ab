import { EVENT_LIMITS } from '@atrium/common'
import { describe, expect, it } from 'vitest'

import { encodeWithin, openFailure, PDF_SLIDE, slideRoom, slideSize } from './pdfSlideMath.ts'

describe('slideSize', () => {
  it('gives landscape pages the full slide width, keeping the aspect ratio', () => {
    expect(slideSize(842, 595)).toMatchObject({ width: 1600, height: 1131 })
    const wide = slideSize(960, 540)
    expect(wide).toMatchObject({ width: 1600, height: 900 })
    expect(wide.scale).toBeCloseTo(1600 / 960)
  })

  it('limits portrait pages by height', () => {
    expect(slideSize(595, 842)).toMatchObject({ width: 1131, height: 1600 })
  })

  it('scales small pages up and never exceeds the limits', () => {
    for (const [w, h] of [
      [100, 100],
      [1, 3000],
      [3000, 1],
      [612, 792],
      [1000.3, 562.7],
    ] as const) {
      const s = slideSize(w, h)
      expect(Math.max(s.width / PDF_SLIDE.maxWidth, s.height / PDF_SLIDE.maxHeight)).toBeCloseTo(1, 2)
      expect(s.width).toBeLessThanOrEqual(PDF_SLIDE.maxWidth)
      expect(s.height).toBeLessThanOrEqual(PDF_SLIDE.maxHeight)
      expect(s.width).toBeGreaterThanOrEqual(1)
      expect(s.height).toBeGreaterThanOrEqual(1)
    }
  })

  it('rejects pages without area', () => {
    expect(() => slideSize(0, 100)).toThrow(RangeError)
    expect(() => slideSize(100, Number.NaN)).toThrow(RangeError)
  })
})

describe('slideRoom', () => {
  it('counts the slides an event can still take', () => {
    expect(slideRoom(0)).toBe(EVENT_LIMITS.maxSlides)
    expect(slideRoom(EVENT_LIMITS.maxSlides - 3)).toBe(3)
    expect(slideRoom(EVENT_LIMITS.maxSlides + 5)).toBe(0)
  })
})

describe('openFailure', () => {
  it('tells a password-protected PDF from a broken one', () => {
    expect(openFailure(Object.assign(new Error('No password given'), { name: 'PasswordException' }))).toEqual({
      kind: 'locked',
    })
    expect(openFailure(Object.assign(new Error('Invalid PDF structure.'), { name: 'InvalidPDFException' }))).toEqual({
      kind: 'broken',
    })
    expect(openFailure('nonsense')).toEqual({ kind: 'broken' })
  })
})

describe('encodeWithin', () => {
  const blob = (type: string, size: number) => new Blob([new Uint8Array(size)], { type })

  it('takes the first encoding that fits', async () => {
    const asked: string[] = []
    const out = await encodeWithin(async (type, q) => {
      asked.push(`${type}@${q}`)
      return blob(type, q > 0.8 ? 2000 : 500)
    }, 1000)
    expect(out?.type).toBe('image/webp')
    expect(out?.size).toBe(500)
    expect(asked).toEqual(['image/webp@0.9', 'image/webp@0.75'])
  })

  it('moves on to JPEG when the browser answers a WebP request with a PNG that is too big', async () => {
    const asked: string[] = []
    const out = await encodeWithin(async (type) => {
      asked.push(type)
      return type === 'image/webp' ? blob('image/png', 5000) : blob(type, 800)
    }, 1000)
    expect(out?.type).toBe('image/jpeg')
    // one WebP try is enough to learn it falls back to PNG
    expect(asked).toEqual(['image/webp', 'image/jpeg'])
  })

  it('gives up when nothing fits or nothing is encoded', async () => {
    expect(await encodeWithin(async (type) => blob(type, 5000), 1000)).toBeUndefined()
    expect(await encodeWithin(async () => null, 1000)).toBeUndefined()
  })
})

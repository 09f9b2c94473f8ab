import { describe, expect, it } from 'vitest'

import { fillNormals, nextNormal, nextUint32, nextUniform, seedStream } from '../../src/finance/prng.ts'

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 erf, |error| < 1.5e-7). */
function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2
  const t = 1 / (1 + 0.3275911 * z)
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
  const erf = 1 - poly * Math.exp(-z * z)
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf)
}

describe('seeded generator', () => {
  it('is reproducible and keeps its golden values', () => {
    const s = new Uint32Array(4)
    seedStream(s, 12345, 0)
    expect([nextUint32(s), nextUint32(s), nextUint32(s), nextUint32(s)]).toEqual([
      3104395837, 2939393768, 4154384944, 2789384232,
    ])
    seedStream(s, 12345, 7)
    const z = new Float64Array(6)
    fillNormals(s, z, 0, 6)
    expect(Array.from(z)).toEqual([
      -0.6783866096933956, 1.6279155442641733, 1.2619975784255786, -0.8188798949460846, 0.7569737794588718,
      -1.604386929860959,
    ])
  })

  it('gives different streams for different seeds and paths, including seeds above 2^32', () => {
    const first = (seed: number, stream: number) => {
      const s = new Uint32Array(4)
      seedStream(s, seed, stream)
      return nextUint32(s)
    }
    const values = new Set([first(1, 0), first(2, 0), first(1, 1), first(2 ** 32 + 1, 0), first(2 ** 40, 0)])
    expect(values.size).toBe(5)
  })

  it('fillNormals equals repeated nextNormal, including rejected draws', () => {
    const a = new Uint32Array(4)
    const b = new Uint32Array(4)
    seedStream(a, 9, 3)
    seedStream(b, 9, 3)
    const bulk = new Float64Array(50_000)
    fillNormals(a, bulk, 0, bulk.length)
    for (let i = 0; i < bulk.length; i++) expect(nextNormal(b)).toBe(bulk[i])
    expect(Array.from(a)).toEqual(Array.from(b))
  })

  it('draws uniforms strictly inside (0, 1)', () => {
    const s = new Uint32Array(4)
    seedStream(s, 5, 0)
    let sum = 0
    let lo = 1
    let hi = 0
    for (let i = 0; i < 100_000; i++) {
      const u = nextUniform(s)
      lo = Math.min(lo, u)
      hi = Math.max(hi, u)
      sum += u
    }
    expect(lo).toBeGreaterThan(0)
    expect(hi).toBeLessThan(1)
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.005)
  })

  it('samples a standard normal: moments, tails and the CDF', () => {
    const n = 2_000_000
    const z = new Float64Array(n)
    const s = new Uint32Array(4)
    seedStream(s, 2024, 0)
    fillNormals(s, z, 0, n)
    let m1 = 0
    let m2 = 0
    let m3 = 0
    let m4 = 0
    let beyond3 = 0
    for (const x of z) {
      m1 += x
      m2 += x * x
      m3 += x * x * x
      m4 += x * x * x * x
      if (Math.abs(x) > 3) beyond3++
    }
    expect(Math.abs(m1 / n)).toBeLessThan(0.003)
    expect(Math.abs(m2 / n - 1)).toBeLessThan(0.005)
    expect(Math.abs(m3 / n)).toBeLessThan(0.01)
    expect(Math.abs(m4 / n - 3)).toBeLessThan(0.03)
    // P(|Z| > 3) = 0.0026998; the tail beyond the ziggurat base (3.44) comes from the slow path
    expect(Math.abs(beyond3 / n - 0.0026998)).toBeLessThan(0.0002)
    z.sort()
    let ks = 0
    for (let i = 0; i < n; i += 97) ks = Math.max(ks, Math.abs(phi(z[i]!) - (i + 0.5) / n))
    expect(ks).toBeLessThan(0.0015)
  })
})

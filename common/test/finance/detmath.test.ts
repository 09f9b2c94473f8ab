import { describe, expect, it } from 'vitest'

import { expDet, expInPlace, log1pDet, logDet, powDet } from '../../src/finance/detmath.ts'

function ulpDiff(a: number, b: number): number {
  return Math.abs(a - b) / (Math.abs(b) * Number.EPSILON)
}

describe('deterministic exp and log', () => {
  it('match Math.exp and Math.log within a few ulp over the range used', () => {
    let worstExp = 0
    let worstLog = 0
    for (let i = 0; i <= 200_000; i++) {
      const x = -40 + (80 * i) / 200_000
      worstExp = Math.max(worstExp, ulpDiff(expDet(x), Math.exp(x)))
      const y = Math.exp((i / 200_000) * 60 - 30)
      worstLog = Math.max(
        worstLog,
        Math.abs(logDet(y) - Math.log(y)) / (Math.abs(Math.log(y)) * Number.EPSILON + 1e-300),
      )
    }
    expect(worstExp).toBeLessThan(4)
    expect(worstLog).toBeLessThan(4)
  })

  it('handles edges: 0, 1, overflow, underflow, subnormals, NaN', () => {
    expect(expDet(0)).toBe(1)
    expect(logDet(1)).toBe(0)
    expect(expDet(710)).toBe(Infinity)
    expect(expDet(-746)).toBe(0)
    expect(ulpDiff(expDet(709.5), Math.exp(709.5))).toBeLessThan(4)
    expect(Math.abs(expDet(-740) / Math.exp(-740) - 1)).toBeLessThan(1e-9)
    expect(Number.isNaN(expDet(NaN))).toBe(true)
    expect(logDet(0)).toBe(-Infinity)
    expect(Number.isNaN(logDet(-1))).toBe(true)
    expect(logDet(Infinity)).toBe(Infinity)
    expect(Math.abs(logDet(5e-324) - Math.log(5e-324))).toBeLessThan(1e-12)
    expect(Math.abs(powDet(1.07, 10) / 1.07 ** 10 - 1)).toBeLessThan(1e-14)
    for (const x of [1e-20, 2.4e-5, -0.005, 0.07, 3])
      expect(Math.abs(log1pDet(x) / Math.log1p(x) - 1)).toBeLessThan(1e-15)
  })

  it('gives the same bits in its array form', () => {
    const xs = Float64Array.from({ length: 1000 }, (_, i) => (i - 500) / 37)
    const ys = Float64Array.from(xs)
    expInPlace(ys, 0, ys.length)
    xs.forEach((x, i) => expect(ys[i]).toBe(expDet(x)))
  })

  it('keeps its golden values (a change would break cross-engine reproducibility of stored results)', () => {
    expect(expDet(0.5)).toBe(1.6487212707001282)
    expect(logDet(3)).toBe(1.0986122886681098)
  })
})

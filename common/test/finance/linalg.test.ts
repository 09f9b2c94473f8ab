import { describe, expect, it } from 'vitest'

import { checkCorrelation, choleskyPsd, CorrelationError, symmetricEigenvalues } from '../../src/finance/linalg.ts'

const multiply = (l: Float64Array, n: number) =>
  Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      let s = 0
      for (let k = 0; k < n; k++) s += l[i * n + k]! * l[j * n + k]!
      return s
    }),
  )

describe('correlation matrices', () => {
  it('factors a positive definite matrix: L·Lᵀ reproduces it and L is lower-triangular', () => {
    const c = [
      [1, 0.5, -0.2],
      [0.5, 1, 0.3],
      [-0.2, 0.3, 1],
    ]
    const l = choleskyPsd(c)
    expect(l[1]).toBe(0)
    expect(l[2]).toBe(0)
    expect(l[5]).toBe(0)
    multiply(l, 3).forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(c[i]![j]!, 14)))
  })

  it('accepts a semi-definite matrix (perfectly correlated assets) with a zero column', () => {
    const c = [
      [1, 1, 0.3],
      [1, 1, 0.3],
      [0.3, 0.3, 1],
    ]
    expect(checkCorrelation(c).minEigenvalue).toBeCloseTo(0, 12)
    const l = choleskyPsd(c)
    expect(l[4]).toBe(0)
    multiply(l, 3).forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(c[i]![j]!, 12)))
  })

  it('computes eigenvalues', () => {
    expect(
      symmetricEigenvalues([
        [2, 1],
        [1, 2],
      ]).map((x) => Number(x.toFixed(12))),
    ).toEqual([1, 3])
  })

  const notPsd = [
    [1, 0.9, 0.9],
    [0.9, 1, -0.9],
    [0.9, -0.9, 1],
  ]

  it('refuses a matrix that is not positive semi-definite with a clear error', () => {
    expect(() => checkCorrelation(notPsd)).toThrow(CorrelationError)
    expect(() => checkCorrelation(notPsd)).toThrow(/not positive semi-definite \(smallest eigenvalue -/)
    expect(() => choleskyPsd(notPsd)).toThrow(CorrelationError)
  })

  it('repairs it on request by diagonal loading, keeping a unit diagonal and the signs', () => {
    const r = checkCorrelation(notPsd, { onNonPsd: 'repair' })
    expect(r.repair?.method).toBe('diagonal-loading')
    expect(r.repair!.minEigenvalueBefore).toBeLessThan(0)
    expect(r.minEigenvalue).toBeGreaterThan(0)
    r.matrix.forEach((row, i) => {
      expect(row[i]).toBe(1)
      row.forEach((v, j) => {
        if (i !== j) expect(v).toBeCloseTo(notPsd[i]![j]! / (1 + r.repair!.epsilon), 14)
      })
    })
    expect(() => choleskyPsd(r.matrix)).not.toThrow()
  })

  it.each([
    [
      'asymmetric',
      [
        [1, 0.2],
        [0.3, 1],
      ],
      /not symmetric at \(a, b\)/,
    ],
    [
      'non-unit diagonal',
      [
        [1, 0.2],
        [0.2, 0.9],
      ],
      /diagonal entry \(b, b\) is 0.9/,
    ],
    [
      'out of range',
      [
        [1, 1.2],
        [1.2, 1],
      ],
      /outside \[-1, 1\]/,
    ],
    ['ragged', [[1, 0.2], [0.2]], /row b has 1 entries/],
    [
      'NaN',
      [
        [1, NaN],
        [NaN, 1],
      ],
      /outside/,
    ],
  ])('rejects a matrix that is %s', (_, m, message) => {
    expect(() => checkCorrelation(m, { labels: ['a', 'b'] })).toThrow(message)
  })
})

import { describe, expect, it } from 'vitest'

import { simulate } from '../../src/finance/montecarlo.ts'
import { SAMPLE_PATH_COUNT } from '../../src/finance/results.ts'
import { ALL8, cma, rel, zeroVolatility } from './fixtures.ts'

describe('Monte Carlo: sample paths', () => {
  const plan = { initialWealth: 100_000, horizonMonths: 120, allocation: ALL8 }

  it('keeps the first few paths, one value per checkpoint, starting at the initial wealth', () => {
    const r = simulate(plan, cma, { seed: 7, paths: 200, chunkPaths: 50 })
    expect(r.samplePaths).toHaveLength(SAMPLE_PATH_COUNT)
    for (const path of r.samplePaths) {
      expect(path).toHaveLength(r.months.length)
      expect(path[0]).toBe(100_000)
    }
    // independent draws: two sample paths end in different places
    expect(r.samplePaths[0]!.at(-1)).not.toBe(r.samplePaths[1]!.at(-1))
  })

  it('is the same for the same seed whatever the chunking, and fewer when there are fewer paths', () => {
    const a = simulate(plan, cma, { seed: 11, paths: 120, chunkPaths: 40 })
    const b = simulate(plan, cma, { seed: 11, paths: 120, chunkPaths: 120 })
    expect(b.samplePaths).toEqual(a.samplePaths)
    expect(simulate(plan, cma, { seed: 11, paths: 3 }).samplePaths).toHaveLength(3)
  })

  it('follows the compounded value with zero volatility', () => {
    const r = simulate({ ...plan, allocation: { csi300: 1 } }, zeroVolatility(), { seed: 1, paths: 4 })
    r.months.forEach((m, k) => expect(rel(r.samplePaths[2]![k]!, 100_000 * 1.07 ** (m / 12))).toBeLessThan(1e-12))
  })
})

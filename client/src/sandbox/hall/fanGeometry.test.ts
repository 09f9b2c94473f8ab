import { DEFAULT_ASSUMPTIONS, simulate, type SimulationResult } from '@atrium/common'
import { beforeAll, describe, expect, it } from 'vitest'

import {
  buildFanLines,
  buildFanSurface,
  FAN_BANDS,
  FAN_ROWS,
  FAN_STEPS,
  fanTop,
  goalPoints,
  LINE_KIND,
} from './fanGeometry.ts'
import { FAN } from './hallLayout.ts'

let result: SimulationResult

beforeAll(() => {
  result = simulate(
    {
      initialWealth: 100_000,
      horizonMonths: 120,
      allocation: { cash: 0.2, csi300: 0.5, govBonds: 0.3 },
      cashFlows: [{ monthlyAmount: 1_000, startMonth: 1, endMonth: 120 }],
      goals: [{ id: 'goal', month: 96, amount: 250_000 }],
    },
    DEFAULT_ASSUMPTIONS,
    { seed: 3, paths: 300 },
  )
})

describe('fan geometry', () => {
  it('has one vertex per month and percentile and two triangles per band and month', () => {
    const s = buildFanSurface(result)
    expect(result.months).toHaveLength(11)
    expect(FAN_ROWS).toBe(7)
    expect(FAN_BANDS).toBe(6)
    expect(FAN_STEPS).toBe(12)
    expect(s.vertexCount).toBe(121 * 7)
    expect(s.positions).toHaveLength(121 * 7 * 3)
    expect(s.index).toHaveLength(120 * 6 * 6)
    expect(Math.max(...s.index!)).toBe(s.vertexCount - 1)
    expect(Array.from(s.months.filter((_, v) => v % FAN_ROWS === 0))).toEqual(Array.from({ length: 121 }, (_, m) => m))
  })

  it('stacks the bands monotonically within the fan, years left to right', () => {
    const s = buildFanSurface(result)
    const y = (k: number, j: number) => s.positions[(k * FAN_ROWS + j) * 3 + 1]!
    const x = (k: number) => s.positions[k * FAN_ROWS * 3]!
    for (let k = 0; k < 121; k++) {
      for (let j = 1; j < FAN_ROWS; j++) expect(y(k, j)).toBeGreaterThanOrEqual(y(k, j - 1))
      expect(y(k, 0)).toBeGreaterThanOrEqual(0)
      expect(y(k, FAN_ROWS - 1)).toBeLessThanOrEqual(FAN.height + 1e-6)
      if (k > 0) expect(x(k)).toBeGreaterThan(x(k - 1))
    }
    expect(x(0)).toBeCloseTo(FAN.x0)
    expect(x(120)).toBeCloseTo(FAN.x1)
    // the yearly checkpoints are exact: the median at year 5 is the result's
    const top = fanTop(result)
    expect(y(60, 3)).toBeCloseTo((result.bands.real.p50[5]! / top) * FAN.height, 5)
    expect(Array.from(s.bands.slice(0, 7))).toEqual([0, 1, 2, 3, 4, 5, 6])
  })

  it('draws the sample paths, axes and replay front as segments', () => {
    const l = buildFanLines(result)
    expect(result.samplePaths.length).toBeGreaterThan(0)
    expect(l.vertexCount).toBe((result.samplePaths.length * 120 + 3) * 2)
    const kinds = Array.from(l.bands)
    expect(kinds.filter((k) => k === LINE_KIND.path)).toHaveLength(result.samplePaths.length * 240)
    expect(kinds.filter((k) => k === LINE_KIND.axis)).toHaveLength(4)
    expect(kinds.filter((k) => k === LINE_KIND.front)).toHaveLength(2)
  })

  it('places goals at their month and target, under the top of the fan', () => {
    const [g] = goalPoints(result)
    expect(g!.month).toBe(96)
    expect(g!.probability).toBe(result.goals[0]!.probability)
    expect(g!.y).toBeCloseTo((g!.targetReal / fanTop(result)) * FAN.height)
    expect(g!.y).toBeLessThan(FAN.height)
  })
})

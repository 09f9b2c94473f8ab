/**
 * Pure builders for the projection fan: the percentile rows of a SimulationResult as a triangle strip surface, the
 * sample paths and axes as line segments, and the goal points, all in today's money (as the planner's fan chart)
 * and in the hall group's frame (hallLayout.ts). Heights are relative to FAN.y0.
 */
import { inflationIndex, PERCENTILES, type SimulationResult } from '@atrium/common'

import { FAN, fanX } from './hallLayout.ts'

/** Percentile rows of the surface, low to high: 5, 10, 25, 50, 75, 90, 95. */
export const FAN_ROWS = PERCENTILES.length
/** Translucent bands between adjacent rows. */
export const FAN_BANDS = FAN_ROWS - 1
/**
 * Steps per checkpoint segment (a year): the surface is drawn monthly, linearly between the yearly percentiles,
 * so that a replay's fall of a month or two still shows as a dent rather than vanishing between two years.
 */
export const FAN_STEPS = 12
/** `aBand` of line vertices: sample paths, the replay's moving front, and the axes. */
export const LINE_KIND = { path: -1, front: -2, axis: -3 } as const

/** Buffers of one geometry: x, y, z per vertex, with the month and row (or line kind) of each vertex. */
export interface FanBuffers {
  positions: Float32Array
  months: Float32Array
  bands: Float32Array
  index?: Uint32Array
  vertexCount: number
}

/** Money at the top of the fan: the highest 95th percentile or goal (with headroom), never 0. */
export function fanTop(result: SimulationResult): number {
  const goals = result.goals.map((g) => g.targetReal * 1.1)
  return Math.max(1, ...result.bands.real.p95, ...goals)
}

const yOf = (money: number, top: number) => (Math.max(0, money) / top) * FAN.height

/** Calls `visit(month, k, f)` at FAN_STEPS points per segment and the last checkpoint: value = lerp(k, k + 1, f). */
function eachStep(months: readonly number[], visit: (month: number, k: number, f: number) => void): number {
  let n = 0
  for (let k = 0; k + 1 < months.length; k++) {
    for (let s = 0; s < FAN_STEPS; s++) {
      const f = s / FAN_STEPS
      visit(months[k]! + (months[k + 1]! - months[k]!) * f, k, f)
      n++
    }
  }
  if (months.length > 0) visit(months.at(-1)!, months.length - 1, 0)
  return n + Math.min(1, months.length)
}

const lerpAt = (values: readonly number[], k: number, f: number) =>
  f === 0 ? (values[k] ?? 0) : (values[k] ?? 0) + ((values[k + 1] ?? 0) - (values[k] ?? 0)) * f

/** Columns of the surface (and points per sample path) for a result with `checkpoints` yearly values. */
export function fanColumns(checkpoints: number): number {
  return checkpoints > 0 ? (checkpoints - 1) * FAN_STEPS + 1 : 0
}

/** The surface: one vertex per step and percentile row, two triangles per band and step. */
export function buildFanSurface(result: SimulationResult, top = fanTop(result)): FanBuffers {
  const cols = fanColumns(result.months.length)
  const vertexCount = cols * FAN_ROWS
  const positions = new Float32Array(vertexCount * 3)
  const months = new Float32Array(vertexCount)
  const bands = new Float32Array(vertexCount)
  let c = 0
  eachStep(result.months, (month, k, f) => {
    PERCENTILES.forEach((q, j) => {
      const v = c * FAN_ROWS + j
      positions[v * 3] = fanX(month, result.horizonMonths)
      positions[v * 3 + 1] = yOf(lerpAt(result.bands.real[`p${q}`], k, f), top)
      months[v] = month
      bands[v] = j
    })
    c++
  })
  const index = new Uint32Array(Math.max(0, cols - 1) * FAN_BANDS * 6)
  let i = 0
  for (let k = 0; k + 1 < cols; k++) {
    for (let j = 0; j < FAN_BANDS; j++) {
      const a = k * FAN_ROWS + j
      const b = a + FAN_ROWS
      index.set([a, b, b + 1, a, b + 1, a + 1], i)
      i += 6
    }
  }
  return { positions, months, bands, index, vertexCount }
}

/** Sample paths (deflated to today's money), the two axes and the replay front, as pairs of vertices. */
export function buildFanLines(result: SimulationResult, top = fanTop(result)): FanBuffers {
  const cols = fanColumns(result.months.length)
  const segments = result.samplePaths.length * Math.max(0, cols - 1) + 3
  const positions = new Float32Array(segments * 6)
  const months = new Float32Array(segments * 2)
  const bands = new Float32Array(segments * 2)
  let v = 0
  const push = (month: number, y: number, kind: number) => {
    positions.set([fanX(month, result.horizonMonths), y, 0], v * 3)
    months[v] = month
    bands[v++] = kind
  }
  const deflators = result.months.map((m) => 1 / inflationIndex(result.inflation, m))
  for (const path of result.samplePaths) {
    const real = path.map((w, k) => w * deflators[k]!)
    let prev: [number, number] | undefined
    eachStep(result.months, (month, k, f) => {
      const y = yOf(lerpAt(real, k, f), top)
      if (prev) {
        push(prev[0], prev[1], LINE_KIND.path)
        push(month, y, LINE_KIND.path)
      }
      prev = [month, y]
    })
  }
  push(0, 0, LINE_KIND.axis)
  push(result.horizonMonths, 0, LINE_KIND.axis)
  push(0, 0, LINE_KIND.axis)
  push(0, FAN.height, LINE_KIND.axis)
  // the front's x comes from a uniform in the shader; its month attribute is unused
  push(0, 0, LINE_KIND.front)
  push(0, FAN.height, LINE_KIND.front)
  return { positions, months, bands, vertexCount: v }
}

/** A goal on the fan: where its target sits and how likely it is to be reached. */
export interface GoalPoint {
  id: string
  x: number
  y: number
  month: number
  targetReal: number
  probability: number
}

/** The goals of a result at their month and target (today's money). */
export function goalPoints(result: SimulationResult, top = fanTop(result)): GoalPoint[] {
  return result.goals.map((g) => ({
    id: g.id,
    x: fanX(g.month, result.horizonMonths),
    y: yOf(g.targetReal, top),
    month: g.month,
    targetReal: g.targetReal,
    probability: g.probability,
  }))
}

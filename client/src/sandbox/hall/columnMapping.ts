/**
 * Column height ↔ allocation weight. Heights are what the visitor shapes; weights are whole percent that always
 * sum to 100, so every change goes through the planner's `rebalance` (the other classes give or take in
 * proportion to their shares).
 */
import { rebalance, type Allocation } from '../panel/allocation.ts'
import { COLUMNS, columnX } from './hallLayout.ts'

/** Height in metres of a column showing `weight` percent. */
export function weightToHeight(weight: number): number {
  return COLUMNS.minHeight + (Math.min(100, Math.max(0, weight)) / 100) * COLUMNS.maxHeight
}

/** Whole percent (0…100) shown by a column of `height` metres. */
export function heightToWeight(height: number): number {
  const w = ((height - COLUMNS.minHeight) / COLUMNS.maxHeight) * 100
  return Math.min(100, Math.max(0, Math.round(Number.isFinite(w) ? w : 0)))
}

/**
 * The allocation after a drag of class `id` that has moved its top by `dy` metres since `start`, the allocation
 * when the grab began. Relative to the start so a grab never jumps, whatever height the pointer or hand first
 * touched; rebalanced from the start (not from the previous step) so that the other classes keep their
 * proportions even after passing through 100%.
 */
export function dragAllocation(start: Allocation, id: string, dy: number): Allocation {
  return rebalance(start, id, heightToWeight(weightToHeight(start[id] ?? 0) + dy))
}

/** The allocation with class `id` moved by `delta` percent (keyboard steps). */
export function nudgeAllocation(allocation: Allocation, id: string, delta: number): Allocation {
  return rebalance(allocation, id, (allocation[id] ?? 0) + delta)
}

/** How far from a column (metres, hall frame) a hand may be and still take hold of it. */
export const GRAB_REACH = { side: COLUMNS.spacing / 2, depth: 0.2, above: 0.12 } as const

/**
 * The column a hand at (x, y, z) in the hall frame can grab: within half a spacing sideways, `depth` in front
 * or behind, and anywhere from the table to a little above the column's top. Undefined when none is in reach.
 */
export function columnInReach(
  x: number,
  y: number,
  z: number,
  ids: readonly string[],
  allocation: Allocation,
): number | undefined {
  if (Math.abs(z - COLUMNS.z) > GRAB_REACH.depth || y < -0.05) return undefined
  const i = Math.round(x / COLUMNS.spacing + (ids.length - 1) / 2)
  const id = ids[i]
  if (id === undefined || Math.abs(x - columnX(i, ids.length)) > GRAB_REACH.side) return undefined
  return y <= weightToHeight(allocation[id] ?? 0) + GRAB_REACH.above ? i : undefined
}

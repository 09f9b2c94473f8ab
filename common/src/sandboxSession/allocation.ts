/**
 * Allocation over the asset classes of the capital market assumptions, in whole percent that always sum to 100.
 * Changing one class rebalances the others in proportion to their current shares (largest remainder rounding).
 */
import { DEFAULT_ASSET_CLASS_IDS } from '../finance/assumptions.ts'

/** Whole percent by asset class id; the values sum to 100. */
export type Allocation = Record<string, number>

export const PRESET_NAMES = ['conservative', 'balanced', 'growth'] as const
export type PresetName = (typeof PRESET_NAMES)[number]

const PRESETS: Record<PresetName, Allocation> = {
  conservative: { cash: 20, govBonds: 40, creditBonds: 20, fixedIncomePlus: 20 },
  balanced: { cash: 10, govBonds: 30, creditBonds: 15, fixedIncomePlus: 15, csi300: 15, globalEquity: 10, gold: 5 },
  growth: { cash: 5, govBonds: 10, creditBonds: 5, csi300: 35, globalEquity: 30, gold: 5, reits: 10 },
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0)

/** Splits `total` whole percent over `weights` in proportion, by largest remainder; equally when all are 0. */
export function apportion(weights: readonly number[], total: number): number[] {
  if (weights.length === 0) return []
  const w = sum(weights) > 0 ? weights.map((x) => Math.max(0, x)) : weights.map(() => 1)
  const s = sum(w)
  const raw = w.map((x) => (x * total) / s)
  const out = raw.map(Math.floor)
  const order = raw.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i)
  const left = total - sum(out)
  for (let k = 0; k < left; k++) out[order[k % order.length]!.i]! += 1
  return out
}

/** `ids` with the same weights brought to whole percent summing to 100. */
export function normalizeAllocation(weights: Partial<Allocation>, ids: readonly string[] = DEFAULT_ASSET_CLASS_IDS) {
  const parts = apportion(
    ids.map((id) => weights[id] ?? 0),
    100,
  )
  return Object.fromEntries(ids.map((id, i) => [id, parts[i]!])) as Allocation
}

/**
 * Sets class `id` to `value` percent (rounded, clamped to 0…100) and rebalances the other classes proportionally
 * so that the total stays 100. With a single class it stays at 100.
 */
export function rebalance(allocation: Allocation, id: string, value: number): Allocation {
  const ids = Object.keys(allocation)
  if (!ids.includes(id)) return allocation
  const others = ids.filter((k) => k !== id)
  const v = others.length === 0 ? 100 : Math.min(100, Math.max(0, Math.round(Number.isFinite(value) ? value : 0)))
  const parts = apportion(
    others.map((k) => allocation[k] ?? 0),
    100 - v,
  )
  const out: Allocation = {}
  for (const k of ids) out[k] = k === id ? v : parts[others.indexOf(k)]!
  return out
}

/** One of the preset allocations over `ids`. */
export function presetAllocation(name: PresetName, ids: readonly string[] = DEFAULT_ASSET_CLASS_IDS): Allocation {
  return normalizeAllocation(PRESETS[name], ids)
}

/** Total of an allocation (100 when valid). */
export function allocationTotal(allocation: Allocation): number {
  return sum(Object.values(allocation))
}

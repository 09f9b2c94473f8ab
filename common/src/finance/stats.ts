/** Order statistics over sorted samples: percentiles, quantile grids and histograms. */

/** The percentile bands reported for every checkpoint year. */
export const PERCENTILES = [5, 10, 25, 50, 75, 90, 95] as const
export type Percentile = (typeof PERCENTILES)[number]
export type PercentileKey = `p${Percentile}`
/** One value per reported percentile. */
export type PercentileValues = Record<PercentileKey, number>

/**
 * Quantile q in [0, 1] of ascending `sorted`, by linear interpolation between order statistics (numpy's default
 * "linear" method): h = (N − 1)·q, value = s[⌊h⌋] + (h − ⌊h⌋)·(s[⌊h⌋ + 1] − s[⌊h⌋]). Monotone in q.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length
  if (n === 0) return NaN
  const h = (n - 1) * Math.min(1, Math.max(0, q))
  const lo = Math.floor(h)
  const a = sorted[lo]!
  if (lo + 1 >= n) return a
  return a + (h - lo) * (sorted[lo + 1]! - a)
}

/** The reported percentiles of ascending `sorted`. */
export function percentilesOf(sorted: ArrayLike<number>): PercentileValues {
  const out = {} as PercentileValues
  for (const p of PERCENTILES) out[`p${p}`] = quantileSorted(sorted, p / 100)
  return out
}

/** Equal-width histogram; values outside [min, max] are counted in the end bins. */
export interface Histogram {
  min: number
  max: number
  counts: number[]
}

/** Histogram of `sorted` over [min, max] with `bins` bins. */
export function histogramOf(sorted: ArrayLike<number>, min: number, max: number, bins: number): Histogram {
  const counts = new Array<number>(bins).fill(0)
  const width = max > min ? (max - min) / bins : 1
  for (let i = 0; i < sorted.length; i++) {
    const k = Math.min(bins - 1, Math.max(0, Math.floor((sorted[i]! - min) / width)))
    counts[k]!++
  }
  return { min, max, counts }
}

/** Summary of a sampled distribution. */
export interface DistributionSummary {
  mean: number
  percentiles: PercentileValues
  /** 101 quantiles: q0 (minimum), q1 … q99, q100 (maximum). */
  quantiles: number[]
  histogram: Histogram
}

/** Sorts `values` in place and summarises them; the histogram spans [q0.5, q99.5] unless a range is given. */
export function summarize(values: Float64Array, bins = 40, range?: [number, number]): DistributionSummary {
  values.sort()
  let sum = 0
  for (let i = 0; i < values.length; i++) sum += values[i]!
  const quantiles = Array.from({ length: 101 }, (_, k) => quantileSorted(values, k / 100))
  const [lo, hi] = range ?? [quantileSorted(values, 0.005), quantileSorted(values, 0.995)]
  return {
    mean: values.length ? sum / values.length : NaN,
    percentiles: percentilesOf(values),
    quantiles,
    histogram: histogramOf(values, lo, hi, bins),
  }
}

/** Shared inputs of the Monte Carlo tests. */
import cmaFile from '../../../assets/finance/capital-market-assumptions.json' with { type: 'json' }
import { DEFAULT_ASSUMPTIONS, loadAssumptions, type AssumptionsFile } from '../../src/finance/assumptions.ts'
import type { SimulationResult } from '../../src/finance/results.ts'

export const cma = DEFAULT_ASSUMPTIONS
/** Expected annual return by asset class id. */
export const er = Object.fromEntries(cma.assetClasses.map((a) => [a.id, a.expectedReturn]))
/** A plan allocation over all eight asset classes. */
export const ALL8 = {
  cash: 0.05,
  govBonds: 0.2,
  creditBonds: 0.1,
  fixedIncomePlus: 0.15,
  csi300: 0.2,
  globalEquity: 0.15,
  gold: 0.05,
  reits: 0.1,
}

/** The shipped assumptions with every volatility set to zero. */
export function zeroVolatility() {
  const f = structuredClone(cmaFile) as AssumptionsFile
  for (const a of f.assetClasses) a.volatility = 0
  return loadAssumptions(f)
}

export const last = (r: SimulationResult) => r.months.length - 1
export const rel = (a: number, b: number) => Math.abs(a / b - 1)

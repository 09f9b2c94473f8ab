/**
 * The finance benchmark plan from the wealth-sandbox issue: 10,000 paths × 480 months × 8 asset classes with
 * monthly rebalancing. Shared by every runner (Node here, numpy through reference.py, and the browser worker when
 * it is added) so all of them simulate exactly the same thing.
 */
import type { SimulationPlanInput } from '@atrium/common'

/** 40 years of saving then withdrawals, one goal, all eight asset classes rebalanced monthly. */
export const BENCH_PLAN: SimulationPlanInput = {
  initialWealth: 1_000_000,
  horizonMonths: 480,
  allocation: {
    cash: 0.05,
    govBonds: 0.2,
    creditBonds: 0.1,
    fixedIncomePlus: 0.15,
    csi300: 0.2,
    globalEquity: 0.15,
    gold: 0.05,
    reits: 0.1,
  },
  rebalancing: { kind: 'monthly' },
  cashFlows: [
    { monthlyAmount: 5_000, startMonth: 1, endMonth: 300 },
    { monthlyAmount: -12_000, startMonth: 301, endMonth: 480 },
  ],
  goals: [{ id: 'education', month: 216, amount: 400_000 }],
}

/** Seed and path count of a full run. */
export const BENCH_SEED = 20250601
export const BENCH_PATHS = 10_000
/** `--quick`: a smoke run, not a measurement. */
export const QUICK_PATHS = 2_000

/** Bars from the issue. 200 MB is taken as 200 × 10^6 bytes. */
export const BARS = { maxRatioToNumpy: 1.0, maxPeakRssBytes: 200e6 } as const

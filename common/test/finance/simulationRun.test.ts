import { describe, expect, it } from 'vitest'

import {
  createSimulation,
  simulate,
  simulateAsync,
  SimulationCancelledError,
  type SimulationProgress,
} from '../../src/finance/montecarlo.ts'
import type { SimulationPlanInput } from '../../src/finance/plan.ts'
import { ALL8, cma } from './fixtures.ts'

describe('Monte Carlo: reproducibility, chunks, progress, cancellation', () => {
  const plan: SimulationPlanInput = {
    initialWealth: 800_000,
    horizonMonths: 150,
    allocation: { govBonds: 0.4, csi300: 0.3, globalEquity: 0.2, gold: 0.1 },
    rebalancing: { kind: 'threshold', band: 0.05 },
    cashFlows: [{ monthlyAmount: 1_000, startMonth: 1, endMonth: 150 }],
    goals: [{ id: 'home', month: 100, amount: 900_000 }],
  }

  it('gives identical results for the same seed, whatever the chunk size', () => {
    const a = simulate(plan, cma, { seed: 42, paths: 1_000 })
    expect(simulate(plan, cma, { seed: 42, paths: 1_000 })).toEqual(a)
    expect(simulate(plan, cma, { seed: 42, paths: 1_000, chunkPaths: 7 })).toEqual(a)
    const run = createSimulation(plan, cma, { seed: 42, paths: 1_000 })
    const steps = [...run.chunks(333)]
    expect(steps.map((s) => s.done)).toEqual([333, 666, 999, 1_000])
    expect(run.result()).toEqual(a)
    expect(simulate(plan, cma, { seed: 43, paths: 1_000 }).terminal.mean).not.toBe(a.terminal.mean)
  })

  it('reports progress and stops when cancelled', () => {
    const seen: SimulationProgress[] = []
    const signal = { aborted: false }
    expect(() =>
      simulate(plan, cma, {
        seed: 1,
        paths: 1_000,
        chunkPaths: 100,
        signal,
        onProgress: (p) => {
          seen.push(p)
          if (p.done >= 300) signal.aborted = true
        },
      }),
    ).toThrow(SimulationCancelledError)
    expect(seen.map((p) => p.done)).toEqual([100, 200, 300])
    expect(seen[2]!.fraction).toBe(0.3)
  })

  it('yields to the event loop in simulateAsync so an AbortController can stop it', async () => {
    const controller = new AbortController()
    const promise = simulateAsync(plan, cma, {
      seed: 1,
      paths: 2_000,
      chunkPaths: 50,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 100) queueMicrotask(() => controller.abort())
      },
    })
    await expect(promise).rejects.toBeInstanceOf(SimulationCancelledError)
    const done = await simulateAsync(plan, cma, { seed: 42, paths: 1_000, chunkPaths: 250 })
    expect(done).toEqual(simulate(plan, cma, { seed: 42, paths: 1_000 }))
  })

  it('keeps memory proportional to paths × yearly checkpoints, not months', () => {
    const run = createSimulation({ initialWealth: 1, horizonMonths: 480, allocation: ALL8 }, cma, {
      seed: 1,
      paths: 1_000,
    })
    expect(run.storedBytes).toBeLessThan(1_000 * (41 + 3) * 8)
    expect(() => run.result()).toThrow(/incomplete/)
  })

  it('refuses invalid plans and options with readable messages', () => {
    const bad = (p: Partial<SimulationPlanInput>) => () =>
      simulate({ initialWealth: 1, horizonMonths: 12, allocation: { cash: 1 }, ...p }, cma, { seed: 1, paths: 1 })
    expect(bad({ allocation: { cash: 0.5 } })).toThrow(/allocation: sums to 0.5/)
    expect(bad({ allocation: { bitcoin: 1 } })).toThrow(/unknown asset classes: bitcoin/)
    expect(bad({ goals: [{ id: 'late', month: 13, amount: 1 }] })).toThrow(/goals.0: after the horizon/)
    expect(() => simulate({ initialWealth: 1, horizonMonths: 12, allocation: { cash: 1 } }, cma, { seed: -1 })).toThrow(
      /invalid run options/,
    )
  })
})

/**
 * Monte Carlo simulation of a wealth plan: monthly steps, correlated lognormal returns (Cholesky), regular cash
 * flows indexed to inflation, rebalancing, goals. Pure and synchronous at its core so it runs the same in Node and
 * in a Web Worker; a run can be driven in chunks (`SimulationRun.runChunk`) to report progress and be cancelled
 * between chunks. Each path has its own random stream, so results depend only on (plan, assumptions, seed, paths),
 * never on the chunking.
 */
import { z } from 'zod'

import type { CapitalMarketAssumptions } from './assumptions.ts'
import { createPathStore, createScratch, simulatePaths, type KernelScratch, type PathStore } from './kernel.ts'
import { compilePlan, type CompiledPlan, type SimulationPlanInput } from './plan.ts'
import { buildResult, type SimulationResult } from './results.ts'
import { FinanceDataError } from './text.ts'

/** Paths when none are given; Empower's planner uses 5,000 runs (finance.md §1). */
export const DEFAULT_PATHS = 5000
/** Paths per chunk in `simulate`/`simulateAsync`: about 20–60 ms each for a 40-year, 8-asset plan. */
export const DEFAULT_CHUNK_PATHS = 500
/** Upper bound on stored checkpoint values (paths × checkpoints), 200 MB of Float64. */
export const MAX_STORED_VALUES = 25_000_000

/** Seed and size of a run. */
export const RunOptionsSchema = z.strictObject({
  seed: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
  paths: z.int().min(1).max(1_000_000).default(DEFAULT_PATHS),
})
export type RunOptions = z.input<typeof RunOptionsSchema>

/** Progress after a chunk. */
export interface SimulationProgress {
  done: number
  total: number
  fraction: number
}

/** Anything with an `aborted` flag: an AbortSignal, or a flag backed by shared memory in a worker. */
export interface CancelSignal {
  readonly aborted: boolean
}

/** Options of `simulate` and `simulateAsync`. */
export interface SimulateOptions extends RunOptions {
  chunkPaths?: number
  onProgress?: (progress: SimulationProgress) => void
  /** Checked between chunks; when set, the run stops with SimulationCancelledError. */
  signal?: CancelSignal
}

/** Thrown when a run is cancelled through its signal. */
export class SimulationCancelledError extends Error {
  override name = 'SimulationCancelledError'
  constructor() {
    super('simulation cancelled')
  }
}

/** A simulation in progress: run it in chunks, then read `result()`. */
export class SimulationRun {
  readonly compiled: CompiledPlan
  readonly seed: number
  readonly total: number
  private readonly store: PathStore
  private readonly scratch: KernelScratch
  private next = 0

  constructor(plan: SimulationPlanInput, assumptions: CapitalMarketAssumptions, options: RunOptions) {
    const parsed = RunOptionsSchema.safeParse(options)
    if (!parsed.success) throw new FinanceDataError(`invalid run options: ${parsed.error.issues[0]?.message}`)
    this.compiled = compilePlan(plan, assumptions)
    this.seed = parsed.data.seed
    this.total = parsed.data.paths
    const stored = this.total * this.compiled.checkpoints.length
    if (stored > MAX_STORED_VALUES) {
      throw new FinanceDataError(`${this.total} paths × ${this.compiled.checkpoints.length} checkpoints is too large`)
    }
    this.store = createPathStore(this.compiled, this.total)
    this.scratch = createScratch(this.compiled)
  }

  /** Paths simulated so far. */
  get done(): number {
    return this.next
  }

  get finished(): boolean {
    return this.next >= this.total
  }

  /** Bytes held per run for the outputs: O(paths × checkpoints), independent of the number of months. */
  get storedBytes(): number {
    const s = this.store
    return (
      s.wealth.byteLength +
      s.maxDrawdown.byteLength +
      s.goalWealth.byteLength +
      s.depletedMonth.byteLength +
      s.unmetReal.byteLength
    )
  }

  get progress(): SimulationProgress {
    return { done: this.next, total: this.total, fraction: this.next / this.total }
  }

  /** Simulates up to `maxPaths` more paths and returns the progress. */
  runChunk(maxPaths = DEFAULT_CHUNK_PATHS): SimulationProgress {
    const to = Math.min(this.total, this.next + Math.max(1, Math.floor(maxPaths)))
    simulatePaths(this.compiled, this.seed, this.next, to, this.store, this.scratch)
    this.next = to
    return this.progress
  }

  /** Generator form: each step runs one chunk and yields the progress. */
  *chunks(maxPaths = DEFAULT_CHUNK_PATHS): Generator<SimulationProgress, SimulationResult, void> {
    while (!this.finished) yield this.runChunk(maxPaths)
    return this.result()
  }

  /** The aggregated result; throws until every path has run. */
  result(): SimulationResult {
    if (!this.finished) throw new Error(`simulation incomplete: ${this.next} of ${this.total} paths`)
    return buildResult(this.compiled, this.store, this.seed)
  }
}

/** Starts a chunked run (for workers that post progress between chunks). */
export function createSimulation(
  plan: SimulationPlanInput,
  assumptions: CapitalMarketAssumptions,
  options: RunOptions,
): SimulationRun {
  return new SimulationRun(plan, assumptions, options)
}

/**
 * Runs a whole simulation synchronously, calling `onProgress` and checking `signal` between chunks. In a worker
 * an AbortSignal is only updated between tasks, so use `simulateAsync` there, or a signal backed by shared memory.
 */
export function simulate(
  plan: SimulationPlanInput,
  assumptions: CapitalMarketAssumptions,
  options: SimulateOptions,
): SimulationResult {
  const run = new SimulationRun(plan, assumptions, { seed: options.seed, paths: options.paths })
  while (!run.finished) {
    if (options.signal?.aborted) throw new SimulationCancelledError()
    const progress = run.runChunk(options.chunkPaths)
    options.onProgress?.(progress)
  }
  return run.result()
}

/** Like `simulate`, but yields to the event loop between chunks so messages (and aborts) can arrive. */
export async function simulateAsync(
  plan: SimulationPlanInput,
  assumptions: CapitalMarketAssumptions,
  options: SimulateOptions,
): Promise<SimulationResult> {
  const run = new SimulationRun(plan, assumptions, { seed: options.seed, paths: options.paths })
  while (!run.finished) {
    await nextTask()
    if (options.signal?.aborted) throw new SimulationCancelledError()
    const progress = run.runChunk(options.chunkPaths)
    options.onProgress?.(progress)
  }
  return run.result()
}

// setTimeout exists in Node, browsers and workers, but common/ compiles without DOM or Node types
const timers = globalThis as unknown as { setTimeout: (fn: () => void, ms: number) => unknown }

function nextTask(): Promise<void> {
  return new Promise((resolve) => timers.setTimeout(resolve, 0))
}

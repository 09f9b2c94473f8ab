/**
 * Messages between the main thread (SimulationClient) and the simulation worker. Plain data only, so they
 * survive structured cloning; ids tie progress, results and errors to the job that asked for them.
 */
import type { SimulationPlanInput, SimulationProgress, SimulationResult } from '@atrium/common'

/** Size and pacing of one worker job. */
export interface WorkerRunOptions {
  seed: number
  paths?: number
  /** Paths per chunk; the worker checks for cancellation and reports progress between chunks. */
  chunkPaths?: number
  /** Least time between progress messages (default 100 ms); the last chunk is always reported. */
  progressIntervalMs?: number
}

export type ToWorker =
  { type: 'run'; id: number; plan: SimulationPlanInput; options: WorkerRunOptions } | { type: 'cancel'; id: number }

export type FromWorker =
  | { type: 'progress'; id: number; progress: SimulationProgress }
  | { type: 'result'; id: number; result: SimulationResult; ms: number }
  | { type: 'error'; id: number; name: string; message: string }

/** Default least time between two progress messages of a job. */
export const PROGRESS_INTERVAL_MS = 100

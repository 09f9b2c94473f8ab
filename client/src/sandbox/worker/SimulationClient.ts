/**
 * Promise API over the simulation worker: `run(plan, options, onProgress)` resolves with the result, `cancel()`
 * stops every running job (their promises reject with an AbortError). One worker serves every job; if it fails
 * (it could not load, or threw outside a job) its jobs reject and the next run starts a fresh one.
 */
import type { SimulationPlanInput, SimulationProgress, SimulationResult } from '@atrium/common'

import type { FromWorker, ToWorker, WorkerRunOptions } from './protocol.ts'

/** What SimulationClient needs of a Worker (tests pass an in-process stand-in). */
export interface WorkerLike {
  postMessage(message: ToWorker): void
  terminate(): void
  onmessage: ((event: { data: FromWorker }) => void) | null
  onerror: ((event: { message?: string }) => void) | null
  onmessageerror: ((event: unknown) => void) | null
}

export interface ClientRunOptions extends WorkerRunOptions {
  /** Cancels this job only. */
  signal?: AbortSignal
}

interface Job {
  resolve(result: SimulationResult): void
  reject(error: Error): void
  onProgress?: (progress: SimulationProgress) => void
  cleanup(): void
}

/** The error a cancelled run rejects with. */
export function abortError(): DOMException {
  return new DOMException('simulation cancelled', 'AbortError')
}

export function isAbortError(e: unknown): boolean {
  return e instanceof Error || e instanceof DOMException ? e.name === 'AbortError' : false
}

/** Error reported by the worker for a job (invalid plan or options, or a failure inside the engine). */
export class SimulationWorkerError extends Error {
  constructor(
    readonly workerName: string,
    message: string,
  ) {
    super(`simulation failed (${workerName}): ${message}`)
    this.name = 'SimulationWorkerError'
  }
}

function createSimulationWorker(): WorkerLike {
  return new Worker(new URL('./simulation.worker.ts', import.meta.url), {
    type: 'module',
    name: 'atrium-simulation',
  }) as unknown as WorkerLike
}

export class SimulationClient {
  private worker: WorkerLike | null = null
  private nextId = 1
  private readonly jobs = new Map<number, Job>()

  constructor(private readonly createWorker: () => WorkerLike = createSimulationWorker) {}

  /** Jobs in progress. */
  get pending(): number {
    return this.jobs.size
  }

  run(
    plan: SimulationPlanInput,
    options: ClientRunOptions,
    onProgress?: (progress: SimulationProgress) => void,
  ): Promise<SimulationResult> {
    const { signal, ...workerOptions } = options
    if (signal?.aborted) return Promise.reject(abortError())
    const id = this.nextId++
    const worker = this.ensureWorker()
    return new Promise<SimulationResult>((resolve, reject) => {
      const onAbort = () => this.cancelJob(id)
      signal?.addEventListener('abort', onAbort, { once: true })
      this.jobs.set(id, {
        resolve,
        reject,
        onProgress,
        cleanup: () => signal?.removeEventListener('abort', onAbort),
      })
      worker.postMessage({ type: 'run', id, plan, options: workerOptions })
    })
  }

  /** Cancels every running job; the worker stays up for the next run. */
  cancel(): void {
    for (const id of [...this.jobs.keys()]) this.cancelJob(id)
  }

  /** Cancels the jobs and stops the worker. */
  dispose(): void {
    this.cancel()
    this.worker?.terminate()
    this.worker = null
  }

  private cancelJob(id: number): void {
    const job = this.settle(id)
    if (!job) return
    this.worker?.postMessage({ type: 'cancel', id })
    job.reject(abortError())
  }

  private settle(id: number): Job | undefined {
    const job = this.jobs.get(id)
    if (!job) return undefined
    this.jobs.delete(id)
    job.cleanup()
    return job
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker
    const worker = this.createWorker()
    worker.onmessage = (event) => this.receive(event.data)
    worker.onerror = (event) => this.fail(worker, `simulation worker failed: ${event.message ?? 'unknown error'}`)
    worker.onmessageerror = () => this.fail(worker, 'simulation worker sent a message that could not be read')
    this.worker = worker
    return worker
  }

  private receive(msg: FromWorker): void {
    if (msg.type === 'progress') {
      this.jobs.get(msg.id)?.onProgress?.(msg.progress)
    } else if (msg.type === 'result') {
      this.settle(msg.id)?.resolve(msg.result)
    } else {
      const job = this.settle(msg.id)
      if (!job) return
      job.reject(
        msg.name === 'SimulationCancelledError' ? abortError() : new SimulationWorkerError(msg.name, msg.message),
      )
    }
  }

  /** The worker itself broke: reject everything it held and start afresh next time. */
  private fail(worker: WorkerLike, message: string): void {
    if (worker !== this.worker) return
    worker.terminate()
    this.worker = null
    for (const id of [...this.jobs.keys()]) this.settle(id)?.reject(new Error(message))
  }
}

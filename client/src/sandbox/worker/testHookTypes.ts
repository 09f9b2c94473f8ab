/**
 * Shape of `window.__atriumSandbox` (see testHook.ts), for browser tests and the finance benchmark. Kept free of
 * imports so `page.evaluate` callbacks in Node can be typed against it.
 */
export interface SandboxJobOptions {
  seed: number
  paths?: number
  chunkPaths?: number
  progressIntervalMs?: number
}

/** How a job ended, with what the page saw meanwhile. */
export type SandboxOutcome =
  | {
      ok: true
      /** performance.now() in the page from posting the job to receiving the result. */
      ms: number
      /** hashResult of the whole result (client/src/sandbox/worker/resultHash.ts). */
      hash: string
      terminalP50: number
      /** The SimulationResult, as plain data. */
      result: unknown
      progress: { done: number; total: number; fraction: number }[]
      /** requestAnimationFrame callbacks on the main thread while the job ran, and the longest gap between two. */
      frames: number
      maxFrameGapMs: number
    }
  | { ok: false; name: string; message: string; ms: number; progress: { done: number }[] }

export interface SandboxTestHook {
  /** Starts a job in the worker and returns its handle for `wait`. */
  start(plan: unknown, options: SandboxJobOptions): number
  wait(handle: number): Promise<SandboxOutcome>
  /** start + wait. */
  run(plan: unknown, options: SandboxJobOptions): Promise<SandboxOutcome>
  /** Progress messages received so far by a job. */
  progressCount(handle: number): number
  /** SimulationClient.cancel(): every running job rejects with an AbortError. */
  cancel(): void
}

declare global {
  interface Window {
    __atriumSandbox?: SandboxTestHook
  }
}

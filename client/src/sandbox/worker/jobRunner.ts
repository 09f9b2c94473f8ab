/**
 * The worker's side of the protocol, free of worker globals so it can be tested in Node: runs each job with
 * `simulateAsync` (which yields between chunks, so a cancel message can arrive), one AbortController per job.
 */
// the finance engine alone: the package index would also pull the room schema and the host into the worker
import { DEFAULT_ASSUMPTIONS, simulateAsync } from '@atrium/common/finance'
import { PROGRESS_INTERVAL_MS, type FromWorker, type ToWorker } from './protocol.ts'

export type PostFromWorker = (message: FromWorker, transfer: Transferable[]) => void

/** Returns the handler of incoming messages; `post` sends replies (postMessage in the worker). */
export function createJobRunner(post: PostFromWorker, now: () => number = () => performance.now()) {
  const jobs = new Map<number, AbortController>()

  async function run(msg: Extract<ToWorker, { type: 'run' }>): Promise<void> {
    const { id, plan, options } = msg
    const controller = new AbortController()
    jobs.set(id, controller)
    const interval = options.progressIntervalMs ?? PROGRESS_INTERVAL_MS
    const t0 = now()
    let lastPost = -Infinity
    try {
      const result = await simulateAsync(plan, DEFAULT_ASSUMPTIONS, {
        seed: options.seed,
        paths: options.paths,
        chunkPaths: options.chunkPaths,
        signal: controller.signal,
        onProgress: (progress) => {
          const t = now()
          if (progress.done < progress.total && t - lastPost < interval) return
          lastPost = t
          post({ type: 'progress', id, progress }, [])
        },
      })
      post({ type: 'result', id, result, ms: now() - t0 }, transferables(result))
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e))
      post({ type: 'error', id, name: err.name, message: err.message }, [])
    } finally {
      jobs.delete(id)
    }
  }

  return {
    handle(msg: ToWorker): void {
      if (msg.type === 'cancel') jobs.get(msg.id)?.abort()
      else void run(msg)
    },
    /** Jobs still running. */
    get active(): number {
      return jobs.size
    },
  }
}

/** Buffers of the typed arrays in a result, so they move to the main thread instead of being copied. */
export function transferables(value: unknown, out: Transferable[] = []): Transferable[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer && !out.includes(value.buffer)) out.push(value.buffer)
  } else if (Array.isArray(value)) {
    for (const v of value) if (typeof v === 'object' && v !== null) transferables(v, out)
  } else if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) transferables(v, out)
  }
  return out
}

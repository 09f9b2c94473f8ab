/**
 * Installs `window.__atriumSandbox` (with `?testhook` or in development), so browser tests and the finance
 * benchmark can drive the simulation worker without any UI. Loaded lazily from main.tsx.
 */
import type { SimulationPlanInput, SimulationProgress } from '@atrium/common'

import { hashResult } from './resultHash.ts'
import { SimulationClient } from './SimulationClient.ts'
import type { SandboxJobOptions, SandboxOutcome, SandboxTestHook } from './testHookTypes.ts'

const client = new SimulationClient()
const jobs = new Map<number, { progress: SimulationProgress[]; outcome: Promise<SandboxOutcome> }>()
let nextHandle = 1

function start(plan: unknown, options: SandboxJobOptions): number {
  const handle = nextHandle++
  const progress: SimulationProgress[] = []
  let frames = 0
  let maxFrameGapMs = 0
  let last = performance.now()
  let running = true
  const frame = (t: number) => {
    if (!running) return
    frames++
    maxFrameGapMs = Math.max(maxFrameGapMs, t - last)
    last = t
    requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
  const t0 = performance.now()
  const outcome = client
    .run(plan as SimulationPlanInput, options, (p) => progress.push(p))
    .then(
      (result): SandboxOutcome => {
        const ms = performance.now() - t0
        running = false
        return {
          ok: true,
          ms,
          hash: hashResult(result),
          terminalP50: result.terminal.percentiles.p50,
          result,
          progress,
          frames,
          maxFrameGapMs,
        }
      },
      (e: unknown): SandboxOutcome => {
        running = false
        const err = e instanceof Error || e instanceof DOMException ? e : new Error(String(e))
        return { ok: false, name: err.name, message: err.message, ms: performance.now() - t0, progress }
      },
    )
  jobs.set(handle, { progress, outcome })
  return handle
}

function job(handle: number) {
  const j = jobs.get(handle)
  if (!j) throw new Error(`no sandbox job ${handle}`)
  return j
}

const hook: SandboxTestHook = {
  start,
  wait: (handle) => job(handle).outcome,
  run: (plan, options) => job(start(plan, options)).outcome,
  progressCount: (handle) => job(handle).progress.length,
  cancel: () => client.cancel(),
}
window.__atriumSandbox = hook

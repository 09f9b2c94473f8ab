import { DEFAULT_ASSUMPTIONS, simulate, type SimulationPlanInput, type SimulationProgress } from '@atrium/common'
import { describe, expect, it } from 'vitest'

import { createJobRunner } from './jobRunner.ts'
import type { FromWorker, ToWorker } from './protocol.ts'
import { hashResult } from './resultHash.ts'
import { isAbortError, SimulationClient, SimulationWorkerError, type WorkerLike } from './SimulationClient.ts'

const plan: SimulationPlanInput = {
  initialWealth: 500_000,
  horizonMonths: 60,
  allocation: { govBonds: 0.5, csi300: 0.3, gold: 0.2 },
  rebalancing: { kind: 'monthly' },
  cashFlows: [{ monthlyAmount: 2_000, startMonth: 1, endMonth: 60 }],
  goals: [{ id: 'car', month: 36, amount: 200_000 }],
}

/** A worker stand-in running the real job runner in this process, messages cloned and delivered as tasks. */
class InProcessWorker implements WorkerLike {
  onmessage: ((event: { data: FromWorker }) => void) | null = null
  onerror: ((event: { message?: string }) => void) | null = null
  onmessageerror: ((event: unknown) => void) | null = null
  terminated = false
  readonly sent: ToWorker[] = []
  private readonly runner = createJobRunner((msg) => {
    const data = structuredClone(msg)
    setTimeout(() => !this.terminated && this.onmessage?.({ data }), 0)
  })
  postMessage(message: ToWorker): void {
    this.sent.push(message)
    const data = structuredClone(message)
    setTimeout(() => !this.terminated && this.runner.handle(data), 0)
  }
  terminate(): void {
    this.terminated = true
  }
}

function setup() {
  const workers: InProcessWorker[] = []
  const client = new SimulationClient(() => {
    const w = new InProcessWorker()
    workers.push(w)
    return w
  })
  return { client, workers }
}

describe('SimulationClient with the worker job runner', () => {
  it('gives the same result as simulate in this thread, with increasing progress', async () => {
    const { client, workers } = setup()
    const seen: SimulationProgress[] = []
    const options = { seed: 7, paths: 400, chunkPaths: 50, progressIntervalMs: 0 }
    const result = await client.run(plan, options, (p) => seen.push(p))
    const local = simulate(plan, DEFAULT_ASSUMPTIONS, { seed: 7, paths: 400 })
    expect(result).toEqual(local)
    expect(hashResult(result)).toBe(hashResult(local))
    expect(seen.map((p) => p.done)).toEqual([50, 100, 150, 200, 250, 300, 350, 400])
    expect(workers).toHaveLength(1)
    expect(client.pending).toBe(0)
  })

  it('throttles progress but always reports the last chunk', async () => {
    const { client } = setup()
    const seen: SimulationProgress[] = []
    await client.run(plan, { seed: 1, paths: 300, chunkPaths: 10, progressIntervalMs: 60_000 }, (p) => seen.push(p))
    expect(seen.map((p) => p.done)).toEqual([10, 300])
  })

  it('cancels with an AbortError and reuses the worker for the next run', async () => {
    const { client, workers } = setup()
    const long = client.run(plan, { seed: 2, paths: 5_000, chunkPaths: 20, progressIntervalMs: 0 }, (p) => {
      if (p.done >= 100) client.cancel()
    })
    await expect(long).rejects.toSatisfy(isAbortError)
    expect(workers[0]!.sent.map((m) => m.type)).toEqual(['run', 'cancel'])
    const next = await client.run(plan, { seed: 2, paths: 100 })
    expect(next.paths).toBe(100)
    expect(workers).toHaveLength(1)
  })

  it('cancels one job through its AbortSignal', async () => {
    const { client } = setup()
    const controller = new AbortController()
    const a = client.run(plan, { seed: 3, paths: 5_000, chunkPaths: 20, signal: controller.signal })
    const b = client.run(plan, { seed: 3, paths: 50 })
    controller.abort()
    await expect(a).rejects.toSatisfy(isAbortError)
    expect((await b).paths).toBe(50)
    await expect(client.run(plan, { seed: 3, signal: controller.signal })).rejects.toSatisfy(isAbortError)
  })

  it('surfaces invalid plans and options as SimulationWorkerError', async () => {
    const { client } = setup()
    const bad = { ...plan, allocation: { govBonds: 0.5 } }
    await expect(client.run(bad, { seed: 1, paths: 10 })).rejects.toThrow(SimulationWorkerError)
    await expect(client.run(plan, { seed: -1, paths: 10 })).rejects.toThrow(/invalid run options/)
  })

  it('rejects every job when the worker fails, then starts a fresh worker', async () => {
    const { client, workers } = setup()
    const job = client.run(plan, { seed: 4, paths: 5_000, chunkPaths: 20 })
    workers[0]!.onerror?.({ message: 'boom' })
    await expect(job).rejects.toThrow('simulation worker failed: boom')
    expect(workers[0]!.terminated).toBe(true)
    expect((await client.run(plan, { seed: 4, paths: 20 })).paths).toBe(20)
    expect(workers).toHaveLength(2)
  })
})

describe('hashResult', () => {
  it('tells bit-level differences apart and ignores key order', () => {
    expect(hashResult({ a: 1, b: [2, 'x'] })).toBe(hashResult({ b: [2, 'x'], a: 1 }))
    expect(hashResult({ a: 0.1 + 0.2 })).not.toBe(hashResult({ a: 0.3 }))
    expect(hashResult([0])).not.toBe(hashResult([-0]))
    expect(hashResult(['ab', 'c'])).not.toBe(hashResult(['a', 'bc']))
  })
})

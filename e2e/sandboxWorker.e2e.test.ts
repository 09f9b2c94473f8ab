import { DEFAULT_ASSUMPTIONS, simulate, type SimulationPlanInput } from '@atrium/common'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { hashResult } from '../client/src/sandbox/worker/resultHash.ts'
import type { SandboxOutcome } from '../client/src/sandbox/worker/testHookTypes.ts'
import { ALL8 } from '../common/test/finance/fixtures.ts'
import { launch, openPage } from './browser.ts'

/** The fixture allocation over all eight asset classes, 10 years, monthly rebalancing, flows and a goal. */
const PLAN: SimulationPlanInput = {
  initialWealth: 600_000,
  horizonMonths: 120,
  allocation: ALL8,
  rebalancing: { kind: 'monthly' },
  cashFlows: [
    { monthlyAmount: 3_000, startMonth: 1, endMonth: 84 },
    { monthlyAmount: -4_000, startMonth: 85, endMonth: 120 },
  ],
  goals: [{ id: 'education', month: 72, amount: 300_000 }],
}
const SEED = 20250601

let browser: Browser
let page: Page
let errors: string[]
let external: string[]

beforeAll(async () => {
  browser = await launch()
  ;({ page, errors, external } = await openPage(browser))
  await page.goto(`${inject('baseUrl')}?testhook`)
  await page.waitForFunction(() => window.__atriumSandbox !== undefined, undefined, { timeout: 30_000 })
})
afterAll(async () => {
  await browser?.close()
})

function ok(o: SandboxOutcome): Extract<SandboxOutcome, { ok: true }> {
  if (!o.ok) throw new Error(`sandbox job failed: ${o.name}: ${o.message}`)
  return o
}

describe('wealth sandbox simulation worker', () => {
  it('gives bit-identical results to Node for the same plan and seed, with increasing progress', async () => {
    const options = { seed: SEED, paths: 500, chunkPaths: 50, progressIntervalMs: 0 }
    const browserRun = ok(await page.evaluate(([p, o]) => window.__atriumSandbox!.run(p, o), [PLAN, options] as const))
    const node = simulate(PLAN, DEFAULT_ASSUMPTIONS, { seed: SEED, paths: 500 })

    expect(browserRun.hash).toBe(hashResult(node))
    expect(browserRun.result).toEqual(node)
    expect(browserRun.terminalP50).toBe(node.terminal.percentiles.p50)
    const done = browserRun.progress.map((p) => p.done)
    expect(done).toEqual([50, 100, 150, 200, 250, 300, 350, 400, 450, 500])
    expect(browserRun.progress.at(-1)!.fraction).toBe(1)

    // another seed differs, the same seed again is identical
    const otherOptions = { seed: SEED + 1, paths: 500 }
    const other = ok(await page.evaluate(([p, o]) => window.__atriumSandbox!.run(p, o), [PLAN, otherOptions] as const))
    expect(other.hash).not.toBe(browserRun.hash)
    expect(other.hash).toBe(hashResult(simulate(PLAN, DEFAULT_ASSUMPTIONS, { seed: SEED + 1, paths: 500 })))
  })

  it('cancels a long job with an AbortError and stays usable', async () => {
    const handle = await page.evaluate(
      (p) => window.__atriumSandbox!.start(p, { seed: 1, paths: 200_000, chunkPaths: 100, progressIntervalMs: 0 }),
      PLAN,
    )
    await page.waitForFunction((h) => window.__atriumSandbox!.progressCount(h) >= 3, handle, { timeout: 30_000 })
    await page.evaluate(() => window.__atriumSandbox!.cancel())
    const cancelled = await page.evaluate((h) => window.__atriumSandbox!.wait(h), handle)
    expect(cancelled.ok).toBe(false)
    expect(cancelled.ok ? '' : cancelled.name).toBe('AbortError')
    expect(cancelled.progress.length).toBeGreaterThanOrEqual(3)

    const small = { seed: SEED, paths: 200 }
    const after = ok(await page.evaluate(([p, o]) => window.__atriumSandbox!.run(p, o), [PLAN, small] as const))
    expect(after.hash).toBe(hashResult(simulate(PLAN, DEFAULT_ASSUMPTIONS, { seed: SEED, paths: 200 })))
  })

  it('reports an invalid plan as an error', async () => {
    const bad = { ...PLAN, allocation: { cash: 0.5 } }
    const r = await page.evaluate((p) => window.__atriumSandbox!.run(p, { seed: 1, paths: 10 }), bad)
    expect(r.ok).toBe(false)
    expect(r.ok ? '' : r.message).toMatch(/allocation/)
  })

  it('keeps the main thread drawing frames while a job of about two seconds runs', async () => {
    // 40 years over all eight assets: about 2 s on a 2-CPU machine
    const long = { ...PLAN, horizonMonths: 480, cashFlows: [], goals: [] }
    const r = ok(await page.evaluate((p) => window.__atriumSandbox!.run(p, { seed: 3, paths: 18_000 }), long))
    console.log(`worker job ${r.ms.toFixed(0)} ms; ${r.frames} frames, longest gap ${r.maxFrameGapMs.toFixed(0)} ms`)
    expect(r.ms).toBeGreaterThan(500)
    // headless Chromium paces frames at 60 Hz; a blocked main thread would give a handful of frames at most
    expect(r.frames / (r.ms / 1000)).toBeGreaterThan(20)
    expect(r.maxFrameGapMs).toBeLessThan(250)
    expect(r.progress.length).toBeGreaterThan(1)
  })

  it('loaded nothing from outside and logged no errors', () => {
    expect(external).toEqual([])
    expect(errors).toEqual([])
  })
})

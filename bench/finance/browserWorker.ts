/**
 * The browser-worker runner of the finance benchmark: builds the client, serves it from a throwaway Atrium server,
 * and runs the benchmark plan in the wealth-sandbox Web Worker in headless Chromium through
 * `window.__atriumSandbox` (client/src/sandbox/worker/testHook.ts). Time is performance.now() in the page around
 * each worker job; memory is the RSS of Chromium's renderer processes (the page and its worker share one), sampled
 * from /proc while the job runs, since `performance.measureUserAgentSpecificMemory` needs cross-origin isolation
 * and CDP's Performance.getMetrics covers only the page's own heap.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import type { Browser, Page } from 'playwright-core'

import type { SandboxOutcome } from '../../client/src/sandbox/worker/testHookTypes.ts'
import { launch, openPage } from '../../e2e/browser.ts'
import { createAtriumServer, type AtriumServer } from '../../server/src/app.ts'
import { isolatedConfig } from '../../server/src/config.ts'
import { buildClient } from '../appServer.ts'
import { BENCH_PLAN, BENCH_SEED } from './plan.ts'

const ROOT = join(import.meta.dirname, '../..')

export interface BrowserWorkerRun {
  ms: number
  hash: string
  terminalP50: number
  /** Renderer RSS just before the job and its sampled peak during it (null where /proc is unavailable). */
  rssBeforeBytes: number | null
  peakRssBytes: number | null
  frames: number
  maxFrameGapMs: number
}

/** A started browser worker session; `runs(n)` runs the plan n times in the same worker. */
export interface BrowserWorkerSession {
  runs(count: number): Promise<BrowserWorkerRun[]>
  close(): Promise<void>
}

/** Builds the client (as the client benchmark does) and opens the page with the sandbox hook. */
export async function startBrowserWorker(paths: number, log: (line: string) => void): Promise<BrowserWorkerSession> {
  log('building the client for the browser-worker run …')
  buildClient()

  const dataDir = mkdtempSync(join(tmpdir(), 'atrium-bench-finance-'))
  let server: AtriumServer | undefined
  let browser: Browser | undefined
  const close = async () => {
    await browser?.close()
    await server?.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    server = await createAtriumServer(isolatedConfig(dataDir, { staticDir: join(ROOT, 'dist/client') }))
    const port = await server.listen()
    browser = await launch()
    const { page } = await openPage(browser)
    const url = `http://localhost:${port}/?testhook`
    return { runs: (count) => runJobs(page, url, paths, count), close }
  } catch (e) {
    await close()
    throw e
  }
}

/** Opens the app for the jobs and leaves it afterwards, so an idle page takes no CPU from the other runners. */
async function runJobs(page: Page, url: string, paths: number, count: number): Promise<BrowserWorkerRun[]> {
  await page.goto(url)
  await page.waitForFunction(() => window.__atriumSandbox !== undefined, undefined, { timeout: 60_000 })
  try {
    return await jobs(page, paths, count)
  } finally {
    await page.goto('about:blank')
  }
}

async function jobs(page: Page, paths: number, count: number): Promise<BrowserWorkerRun[]> {
  const out: BrowserWorkerRun[] = []
  for (let i = 0; i < count; i++) {
    const before = rendererRss()
    let peak = before
    const timer = setInterval(() => {
      const now = rendererRss()
      if (now !== null) peak = Math.max(peak ?? 0, now)
    }, 20)
    let outcome: SandboxOutcome
    try {
      outcome = await page.evaluate(([plan, options]) => window.__atriumSandbox!.run(plan, options), [
        BENCH_PLAN,
        { seed: BENCH_SEED, paths },
      ] as const)
    } finally {
      clearInterval(timer)
    }
    if (!outcome.ok) throw new Error(`browser worker run failed: ${outcome.name}: ${outcome.message}`)
    const after = rendererRss()
    if (after !== null) peak = Math.max(peak ?? 0, after)
    out.push({
      ms: outcome.ms,
      hash: outcome.hash,
      terminalP50: outcome.terminalP50,
      rssBeforeBytes: before,
      peakRssBytes: peak,
      frames: outcome.frames,
      maxFrameGapMs: outcome.maxFrameGapMs,
    })
  }
  return out
}

/** Summed RSS of the Chromium renderer processes started under this process, or null without /proc. */
function rendererRss(): number | null {
  let entries: string[]
  try {
    entries = readdirSync('/proc').filter((d) => /^\d+$/.test(d))
  } catch {
    return null
  }
  const parent = new Map<number, number>()
  for (const d of entries) {
    try {
      // the command name may contain spaces and brackets: the parent id follows the last ')'
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8')
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      // the process ended meanwhile
    }
  }
  const ours = (pid: number): boolean => {
    for (let p = parent.get(pid), hops = 0; p !== undefined && p > 1 && hops < 32; p = parent.get(p), hops++) {
      if (p === process.pid) return true
    }
    return false
  }
  let total = 0
  let found = false
  for (const pid of parent.keys()) {
    if (!ours(pid)) continue
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
      if (m) {
        total += Number(m[1]) * 1024
        found = true
      }
    } catch {
      // the process ended meanwhile
    }
  }
  return found ? total : null
}

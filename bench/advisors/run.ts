/**
 * Advisor queue benchmark: `node --import tsx bench/advisors/run.ts [--quick]`.
 *
 * For SQLite and then PostgreSQL (a throwaway cluster from scripts/postgres.mjs), starts the real Atrium server in
 * this process, registers N customers and 5 advisors, and measures over HTTP: customers joining the queue (16 at a
 * time), position reads, and 5 advisors draining it with accept-next at once (each accept a conditional UPDATE plus
 * the session, its parties and two audit entries in one transaction). Checks that every customer was served exactly
 * once and each advisor served in queue order. Prints a table, writes bench/results/advisors-<timestamp>.json and
 * advisors-latest.json; exits non-zero when a check fails or accepts fall below the bar.
 *
 * The load runs in the server's process, so the figures are a floor for a dedicated server. Then, with the built
 * client, a real livekit-server and two headless Chromium pages, the time from "advisor accepts" to both parties
 * hearing each other in the suite (bench/advisors/suiteJoins.ts), median of 10 rounds against the bar (< 3 s).
 */
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import type { Browser } from 'playwright-core'

import { launch } from '../../e2e/browser.ts'
import { startLivekit } from '../../scripts/livekit.mjs'
import type { RunningLivekit } from '../../scripts/livekit.d.mts'
import { startPostgres, type RunningPostgres } from '../../scripts/postgres.mjs'
import { createAtriumServer } from '../../server/src/app.ts'
import { isolatedConfig } from '../../server/src/config.ts'
import { SYSTEM_ACTOR } from '../../server/src/services/audit/AuditLog.ts'
import { buildClient, startAppServer } from '../appServer.ts'
import { runBench } from '../runBench.ts'
import { median } from '../stats.ts'
import { timeSuiteJoins, type SuiteJoin } from './suiteJoins.ts'
import { writeResults } from '../writeResults.ts'

const quick = process.argv.includes('--quick')
const CUSTOMERS = quick ? 60 : 300
const ADVISORS = 5
const CONCURRENCY = 16
/**
 * Accepts per second the queue must sustain on either database: 100 advisors each finishing a 20-minute conversation
 * need 0.08/s, so 5/s leaves a wide margin even on a small shared machine.
 */
const BAR_ACCEPTS_PER_S = 5
/** Rounds of "advisor accepts" → both hear each other, and its bar. */
const SUITE_ROUNDS = quick ? 3 : 10
const BAR_SUITE_MS = 3000

const log = (line: string): void => void process.stderr.write(line + '\n')
let pg: RunningPostgres | undefined
let livekit: RunningLivekit | undefined
let appChild: ChildProcess | undefined
let browser: Browser | undefined

interface Phase {
  ops: number
  perSecond: number
  p50Ms: number
  p95Ms: number
}

function phase(latencies: number[], wallMs: number): Phase {
  const s = [...latencies].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0
  return { ops: s.length, perSecond: (s.length / wallMs) * 1000, p50Ms: at(0.5), p95Ms: at(0.95) }
}

/** Runs `task` over `items` with at most `limit` in flight; returns each task's latency. */
async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<number[]> {
  const latencies: number[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const item = items[next++]!
        const t0 = performance.now()
        await task(item)
        latencies.push(performance.now() - t0)
      }
    }),
  )
  return latencies
}

async function backend(name: string, databaseUrl: string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'atrium-bench-adv-'))
  const limits = { loginPerMinute: 1e9, registerPerHour: 1e9, writesPerMinute: 1e9 }
  const server = await createAtriumServer(
    isolatedConfig(dir, { scrypt: { logN: 10, r: 8, p: 1 }, limits, databaseUrl }),
  )
  const base = `http://127.0.0.1:${await server.listen()}`
  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(base + path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
    return (await res.json()) as Record<string, unknown>
  }
  const login = async (loginId: string, password: string) => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ loginId, password }),
    })
    return (await res.json()) as { accessToken: string; user: { id: string } }
  }
  try {
    log(`${name}: ${CUSTOMERS} customers, ${ADVISORS} advisors`)
    const people: { id: string; token: string }[] = []
    await pool(
      Array.from({ length: CUSTOMERS }, (_, i) => i),
      CONCURRENCY,
      async (i) => {
        const res = await fetch(`${base}/api/auth/register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            displayName: `C${i}`,
            loginId: `c${i}@bench.example`,
            password: `password-${i}`,
            lang: 'en',
          }),
        })
        const body = (await res.json()) as { accessToken: string; user: { id: string } }
        people.push({ id: body.user.id, token: body.accessToken })
      },
    )
    const advisors: string[] = []
    for (let i = 0; i < ADVISORS; i++) {
      const loginId = `a${i}@bench.example`
      await server.services.accounts.create(
        { displayName: `A${i}`, loginId, password: 'advisor-pass', role: 'advisor', lang: 'en', look: 0 },
        SYSTEM_ACTOR,
      )
      advisors.push((await login(loginId, 'advisor-pass')).accessToken)
    }

    let t0 = performance.now()
    const joins = phase(
      await pool(people, CONCURRENCY, (c) =>
        call('POST', '/api/advisors/queue', c.token, { topic: 'wealth', lang: 'en' }).then(() => undefined),
      ),
      performance.now() - t0,
    )
    const positions = new Map<string, number>()
    t0 = performance.now()
    const reads = phase(
      await pool(people, CONCURRENCY, async (c) => {
        positions.set(c.id, (await call('GET', '/api/advisors/queue/me', c.token)).position as number)
      }),
      performance.now() - t0,
    )
    const served: number[][] = advisors.map(() => [])
    const acceptLatencies: number[] = []
    t0 = performance.now()
    await Promise.all(
      advisors.map(async (token, a) => {
        for (;;) {
          const s0 = performance.now()
          const { session } = (await call('POST', '/api/advisors/queue/accept-next', token, {})) as {
            session: { customer: { id: string } } | null
          }
          if (!session) return
          acceptLatencies.push(performance.now() - s0)
          served[a]!.push(positions.get(session.customer.id)!)
        }
      }),
    )
    const accepts = phase(acceptLatencies, performance.now() - t0)
    const all = served.flat().sort((x, y) => x - y)
    const exactlyOnce = all.length === CUSTOMERS && all.every((p, i) => p === i + 1)
    const inOrder = served.every((s) => s.every((p, i) => i === 0 || p > s[i - 1]!))
    return { name, joins, reads, accepts, exactlyOnce, inOrder }
  } finally {
    await server.close()
  }
}

async function main(): Promise<number> {
  const runs = [await backend('SQLite', undefined)]
  try {
    pg = await startPostgres({ install: process.getuid?.() === 0 })
    runs.push(await backend('PostgreSQL', pg.url))
  } catch (e) {
    log(`PostgreSQL skipped: ${e instanceof Error ? e.message : String(e)}`)
  }
  const row = (label: string, p: { perSecond: number; p50Ms: number; p95Ms: number }) =>
    `  ${label.padEnd(22)}${p.perSecond.toFixed(0).padStart(8)}/s   p50 ${p.p50Ms.toFixed(1).padStart(7)} ms   p95 ${p.p95Ms.toFixed(1).padStart(7)} ms`
  for (const r of runs) {
    console.log(`Advisor queue on ${r.name} (${CUSTOMERS} customers, ${ADVISORS} advisors)`)
    console.log(row('join queue', r.joins))
    console.log(row('read position', r.reads))
    console.log(row(`accept-next (bar ${BAR_ACCEPTS_PER_S}/s)`, r.accepts))
    console.log(
      `  served exactly once: ${r.exactlyOnce ? 'yes' : 'NO'}   each advisor in queue order: ${r.inOrder ? 'yes' : 'NO'}`,
    )
  }
  const suite = await suiteRounds()
  const suiteMs = median(suite.map((j) => j.total))
  console.log(
    `Advisor accepts → both hear each other in the suite (loopback, ${suite.length} rounds): ` +
      `${suite.map((j) => j.total).join(', ')} ms, median ${suiteMs.toFixed(0)} ms (bar < ${BAR_SUITE_MS} ms)`,
  )
  const ok =
    runs.every((r) => r.exactlyOnce && r.inOrder && r.accepts.perSecond >= BAR_ACCEPTS_PER_S) && suiteMs < BAR_SUITE_MS
  const file = writeResults('advisors', {
    at: new Date().toISOString(),
    quick,
    customers: CUSTOMERS,
    advisors: ADVISORS,
    bar: { acceptsPerSecond: BAR_ACCEPTS_PER_S, acceptToHearMs: BAR_SUITE_MS },
    runs,
    suiteJoinsMs: suite,
    suiteMedianMs: suiteMs,
    ok,
  })
  console.log(`wrote ${file}`)
  return ok ? 0 : 1
}

/** The browser rounds, with their own client build, LiveKit and server process. */
async function suiteRounds(): Promise<SuiteJoin[]> {
  buildClient()
  livekit = await startLivekit({ build: true })
  const app = await startAppServer(livekit)
  appChild = app.child
  const advisor = app.accounts.advisor
  if (!advisor) throw new Error('the server printed no demo advisor')
  browser = await launch({ gpuCompositing: true })
  return timeSuiteJoins(browser, app.base, advisor, SUITE_ROUNDS, log)
}

runBench('advisors', main, () => {
  void pg?.stop()
  void browser?.close()
  appChild?.kill('SIGTERM')
  void livekit?.stop()
})

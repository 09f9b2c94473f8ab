/** Bars of the auth benchmark and its side-by-side table (SQLite vs PostgreSQL). */
import type { CpuSplit, Latency, LoginPhase, ReadPhase } from './load.ts'
import type { ServerInfo } from './serverProcess.ts'

export const BARS = {
  /** Login p95 at the production scrypt cost, one login at a time, on this (2-core) machine. */
  loginP95Ms: 1000,
  /** Authenticated reads (GET /api/me) per second on SQLite. */
  sqliteReadsPerS: 1000,
} as const

export interface BackendRun {
  backend: 'SQLite' | 'PostgreSQL'
  server: ServerInfo
  /** Where the data files live and how durable commits are. */
  storage: string
  /** CPU affinity of the server process and (PostgreSQL) of every database process, read back after the run. */
  pinning: string
  register: Latency
  loginSequential: LoginPhase
  loginConcurrent: LoginPhase
  /** One client reading /api/me on an idle server, then while the concurrent logins run. */
  probeIdle: Latency
  probeDuringLogins: Latency
  reads: ReadPhase
  serverMaxRssMb: number
  phaseS: Record<string, number>
}

export interface Verdict {
  name: string
  pass: boolean
  detail: string
}

const f = (n: number, d = 0): string => (Number.isFinite(n) ? n.toFixed(d) : '-')
/** Cores used on the server's CPU by the server process, the database processes and other programs. */
const split = (c: CpuSplit | undefined): string =>
  c ? [c.serverCores, c.dbCores, othersNearServer(c)].map((x) => f(x, 2)).join(' / ') : '-'
/** Other programs on the server's CPU when pinned, else anywhere on the machine. */
const othersNearServer = (c: CpuSplit): number =>
  Number.isFinite(c.otherOnServerCpu) ? c.otherOnServerCpu : c.otherCores
const lat = (l: Latency, keys: (keyof Latency)[]): string => keys.map((k) => f(l[k], l[k] < 10 ? 2 : 0)).join(' / ')

export function scryptLabel(s: ServerInfo['scrypt']): string {
  const mib = (128 * 2 ** s.logN * s.r) / 2 ** 20
  return `scrypt N=2^${s.logN}, r=${s.r}, p=${s.p} (${mib} MiB per hash)`
}

export function evaluate(runs: BackendRun[], backendsWanted: string[], failures: Record<string, string>): Verdict[] {
  const out: Verdict[] = []
  for (const name of backendsWanted) {
    if (failures[name]) out.push({ name: `${name} measured`, pass: false, detail: failures[name]! })
  }
  for (const r of runs) {
    const seq = r.loginSequential
    out.push({
      name: `${r.backend}: login p95 <= ${BARS.loginP95Ms} ms, one at a time, ${scryptLabel(r.server.scrypt)}`,
      pass: seq.latency.p95 <= BARS.loginP95Ms && seq.latency.n > 0,
      detail: `p95 ${f(seq.latency.p95)} ms over ${seq.latency.n} logins`,
    })
    const failed = seq.failures + r.loginConcurrent.failures
    out.push({
      name: `${r.backend}: every login answered 200`,
      pass: failed === 0,
      detail:
        failed === 0
          ? `${seq.logins + r.loginConcurrent.logins} logins`
          : JSON.stringify({ ...seq.failureStatuses, ...r.loginConcurrent.failureStatuses }),
    })
    out.push({
      name: `${r.backend}: no failed authenticated reads`,
      pass: r.reads.errors === 0 && r.reads.requests > 0,
      detail: r.reads.errors === 0 ? `${r.reads.requests} reads` : JSON.stringify(r.reads.errorStatuses),
    })
  }
  const sqlite = runs.find((r) => r.backend === 'SQLite')
  out.push({
    name: `SQLite: authenticated reads (GET /api/me) >= ${BARS.sqliteReadsPerS} req/s`,
    pass: !!sqlite && sqlite.reads.perS >= BARS.sqliteReadsPerS,
    detail: sqlite ? `${f(sqlite.reads.perS)} req/s at ${sqlite.reads.concurrency} concurrent` : 'SQLite run missing',
  })
  return out
}

/** Other programs using more than this (cores) beside the server make its timings suspect. */
const NOISY_SERVER_CORES = 0.1
/** Other programs using more than this beside the load generator may have slowed the load. */
const NOISY_LOAD_CORES = 0.25

type Row = [string, (r: BackendRun) => string]

const ROWS: Row[] = [
  ['database', (r) => r.server.dbVersion],
  ['password hashing', (r) => scryptLabel(r.server.scrypt)],
  ['accounts registered; register p50 (ms)', (r) => `${r.register.n}; ${f(r.register.p50)}`],
  ['LOGIN, one at a time: logins', (r) => String(r.loginSequential.latency.n)],
  ['  p50 / p95 / p99 (ms)', (r) => lat(r.loginSequential.latency, ['p50', 'p95', 'p99'])],
  ['  max (ms); logins/s', (r) => `${f(r.loginSequential.latency.max)}; ${f(r.loginSequential.perS, 2)}`],
  ['  CPU 0: server / db / others (cores)', (r) => split(r.loginSequential.cpu)],
  [
    'LOGIN, N at once: N x logins each',
    (r) => `${r.loginConcurrent.concurrency} x ${r.loginConcurrent.logins / r.loginConcurrent.concurrency}`,
  ],
  ['  p50 / p95 / p99 (ms)', (r) => lat(r.loginConcurrent.latency, ['p50', 'p95', 'p99'])],
  ['  logins/s', (r) => f(r.loginConcurrent.perS, 2)],
  ['  CPU 0: server / db / others (cores)', (r) => split(r.loginConcurrent.cpu)],
  ['  GET /api/me meanwhile p50 / p99 (ms)', (r) => lat(r.probeDuringLogins, ['p50', 'p99'])],
  ['  GET /api/me idle p50 / p99 (ms)', (r) => lat(r.probeIdle, ['p50', 'p99'])],
  ['  server peak RSS (MB)', (r) => f(r.serverMaxRssMb)],
  ['READS GET /api/me: concurrency', (r) => String(r.reads.concurrency)],
  ['  measured (s) after warm-up (s)', (r) => `${f(r.reads.measuredS, 1)} after ${f(r.reads.warmupS)}`],
  ['  requests/s', (r) => f(r.reads.perS)],
  ['  p50 / p99 / max (ms)', (r) => lat(r.reads.latency, ['p50', 'p99', 'max'])],
  ['  errors', (r) => String(r.reads.errors)],
  ['  CPU 0: server / db / others (cores)', (r) => split(r.reads.cpu)],
  ['  CPU load generator (cores)', (r) => f(r.reads.cpu.loadCores, 2)],
  ['  CPU 0 / CPU 1 busy', (r) => r.reads.cpu.perCpuBusy.map((b) => `${f(b * 100)}%`).join(' / ')],
]

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

export function formatReport(runs: BackendRun[], verdicts: Verdict[], notes: string[]): string {
  const out = ['', 'Atrium auth benchmark', '']
  out.push(
    table(
      ['metric', ...runs.map((r) => r.backend)],
      ROWS.map(([label, get]) => [label, ...runs.map(get)]),
    ),
  )
  out.push('')
  out.push('CPU figures are in cores (CPU seconds per second of the phase).')
  for (const r of runs) out.push(`${r.backend}: ${r.storage}; ${r.pinning}`)
  for (const r of runs) {
    const phases: [string, CpuSplit | undefined][] = [
      ['logins one at a time', r.loginSequential.cpu],
      ['logins at once', r.loginConcurrent.cpu],
      ['reads', r.reads.cpu],
    ]
    const noisy = phases.filter(([, c]) => c && othersNearServer(c) > NOISY_SERVER_CORES)
    const where = Number.isFinite(r.reads.cpu.otherOnServerCpu) ? "on the server's CPU" : 'on the machine'
    if (noisy.length)
      out.push(
        `warning (${r.backend}): other programs used ` +
          noisy.map(([name, c]) => `${f(othersNearServer(c!), 2)} cores ${where} during ${name}`).join(', ') +
          '; those timings are suspect',
      )
    if (r.reads.cpu.otherOnLoadCpu > NOISY_LOAD_CORES)
      out.push(
        `note (${r.backend}): other programs used ${f(r.reads.cpu.otherOnLoadCpu, 2)} cores on the load ` +
          `generator's CPU during reads (the server's CPU was ${f((r.reads.cpu.perCpuBusy[0] ?? NaN) * 100)}% busy)`,
      )
  }
  for (const n of notes) out.push(`note: ${n}`)
  out.push('', 'Checks and bars', '')
  for (const v of verdicts) out.push(`${v.pass ? 'PASS' : 'FAIL'}  ${v.name}: ${v.detail}`)
  return out.join('\n')
}

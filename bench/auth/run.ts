/**
 * Auth benchmark: `node --import tsx bench/auth/run.ts [--quick]`.
 *
 * For SQLite (fresh temp dir) and then PostgreSQL (a throwaway cluster from scripts/postgres.mjs), starts the real
 * Atrium server in its own process pinned to CPU 0 (the PostgreSQL processes too) and drives it from this process,
 * pinned to CPU 1, over keep-alive HTTP: registers accounts, signs in one at a time and several at once at the
 * production scrypt cost, then reads GET /api/me (token check, session row, user row) at a fixed concurrency.
 * Prints a side-by-side table to stdout (progress goes to stderr), writes bench/results/auth-<timestamp>.json and
 * auth-latest.json, and exits non-zero when a bar or a check fails.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, statfsSync } from 'node:fs'
import { cpus, loadavg, release, tmpdir, totalmem, type CpuInfo } from 'node:os'
import { join } from 'node:path'

import { findPostgresBin, startPostgres, type RunningPostgres } from '../../scripts/postgres.mjs'
import { runBench } from '../runBench.ts'
import { Child, killAll, pinToCpu } from '../server/ipc.ts'
import { writeResults } from '../writeResults.ts'
import { checkMe, HttpClient, latency, logins, probe, reads, register, type CpuMeter } from './load.ts'
import { evaluate, formatReport, scryptLabel, type BackendRun } from './report.ts'
import type { AuthServerApi } from './serverProcess.ts'

const quick = process.argv.includes('--quick')

/**
 * Full: about 40 s per backend on a quiet two-core machine, half of it hashing passwords (~0.45 s each at the
 * production cost). Quick: a smoke run of the same phases, not a measurement.
 */
const PLAN = quick
  ? { users: 3, warmupLogins: 1, sequentialLogins: 5, concurrent: 4, perClient: 1, readWarmupS: 1, readS: 3 }
  : { users: 8, warmupLogins: 2, sequentialLogins: 40, concurrent: 4, perClient: 2, readWarmupS: 2, readS: 10 }
const READ_CONCURRENCY = 32
const IDLE_PROBES = 200

const SERVER_CPU = 0
const LOAD_CPU = 1

const log = (line: string): void => void process.stderr.write(line + '\n')
const isRoot = (): boolean => process.getuid?.() === 0

/** statfs magic numbers of the file systems a temp dir is likely to be on. */
const FS_TYPES: Record<number, string> = {
  0x01021994: 'tmpfs',
  0xef53: 'ext4',
  0x794c7630: 'overlayfs',
  0x58465342: 'xfs',
  0x9123683e: 'btrfs',
  0x6a656a63: 'fakeowner',
}

function fsType(dir: string): string {
  try {
    const t = statfsSync(dir).type
    return FS_TYPES[t] ?? `fs 0x${t.toString(16)}`
  } catch {
    return 'unknown fs'
  }
}

/** Child processes of `pid`, from /proc (Linux); empty elsewhere. */
function childrenOf(pid: number): number[] {
  const out: number[] = []
  let entries: string[] = []
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e))
  } catch {
    return out
  }
  for (const e of entries) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid === pid) out.push(Number(e))
    } catch {
      // the process ended meanwhile
    }
  }
  return out
}

/** The CPUs a process may run on, as Linux lists them ("0", "0-1"); '?' when unknown. */
function affinity(pid: number): string {
  try {
    return /Cpus_allowed_list:\s*(\S+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? '?'
  } catch {
    return '?'
  }
}

const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100

/** CPU time (user + system, ms) of each process that still exists, from /proc (Linux). */
function procCpuMs(pids: number[]): Map<number, number> {
  const out = new Map<number, number>()
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      // fields after "pid (comm) ": state is the 3rd field overall, utime the 14th and stime the 15th
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      out.set(pid, ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK)
    } catch {
      // gone
    }
  }
  return out
}

const busyMs = (c: CpuInfo): number => c.times.user + c.times.nice + c.times.sys + c.times.irq

/**
 * Measures where the CPU goes: the server process (asked over IPC), the PostgreSQL processes (from /proc), this
 * process, and what is left for other programs on the machine.
 */
function cpuMeter(server: Child<AuthServerApi>, pg: RunningPostgres | undefined, pinned: boolean): CpuMeter {
  const serverMs = async (): Promise<number> => {
    const u = await server.call('usage', undefined)
    return u.cpuUserMs + u.cpuSystemMs
  }
  const dbMs = (): Map<number, number> => (pg ? procCpuMs(postgresProcesses(pg)) : new Map())
  return () => {
    const t0 = performance.now()
    const cpus0 = cpus()
    const load0 = process.cpuUsage()
    const server0 = serverMs()
    const db0 = dbMs()
    return async () => {
      const wallMs = performance.now() - t0
      const cpus1 = cpus()
      const load = process.cpuUsage(load0)
      const db1 = dbMs()
      const serverCores = ((await serverMs()) - (await server0)) / wallMs
      let db = 0
      for (const [pid, ms] of db1) db += ms - (db0.get(pid) ?? 0)
      const perCpuBusy = cpus1.map((c, i) => {
        const b = cpus0[i]
        const total = b ? busyMs(c) + c.times.idle - busyMs(b) - b.times.idle : 0
        return b && total > 0 ? (busyMs(c) - busyMs(b)) / total : NaN
      })
      const machineCores = cpus1.reduce((sum, c, i) => sum + busyMs(c) - busyMs(cpus0[i] ?? c), 0) / wallMs
      const loadCores = (load.user + load.system) / 1000 / wallMs
      const dbCores = db / wallMs
      const otherCores = Math.max(0, machineCores - serverCores - dbCores - loadCores)
      const busyOn = (cpu: number): number => (pinned ? (perCpuBusy[cpu] ?? NaN) : NaN)
      return {
        perCpuBusy,
        machineCores,
        serverCores,
        dbCores,
        loadCores,
        otherCores,
        otherOnServerCpu: Math.max(0, busyOn(SERVER_CPU) - serverCores - dbCores),
        otherOnLoadCpu: Math.max(0, busyOn(LOAD_CPU) - loadCores),
      }
    }
  }
}

/** The postmaster and every process it has forked so far; later backends inherit the postmaster's CPU set. */
function postgresProcesses(pg: RunningPostgres): number[] {
  const pm = Number(readFileSync(join(pg.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0])
  return Number.isInteger(pm) && pm > 0 ? [pm, ...childrenOf(pm)] : []
}

/** Whether every PostgreSQL process is confined to the server's CPU. */
function pgPinned(pg: RunningPostgres): boolean {
  return postgresProcesses(pg).every((p) => affinity(p) === String(SERVER_CPU))
}

/** "server on CPU 0; 9 PostgreSQL processes on CPU 0" from the affinity each process has now. */
function describePinning(serverPid: number | undefined, pg: RunningPostgres | undefined): string {
  const parts = [`server process on CPU ${serverPid === undefined ? '?' : affinity(serverPid)}`]
  if (pg) {
    const sets = new Map<string, number>()
    for (const p of postgresProcesses(pg)) sets.set(affinity(p), (sets.get(affinity(p)) ?? 0) + 1)
    parts.push([...sets].map(([cpu, n]) => `${n} PostgreSQL processes on CPU ${cpu}`).join(', '))
  }
  parts.push(`load generator on CPU ${affinity(process.pid)}`)
  return parts.join(', ')
}

async function runBackend(
  backend: BackendRun['backend'],
  pg: RunningPostgres | undefined,
  selfPinned: boolean,
): Promise<BackendRun> {
  const phaseS: Record<string, number> = {}
  const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now()
    try {
      return await fn()
    } finally {
      phaseS[name] = (performance.now() - t0) / 1000
    }
  }
  const server = await Child.start<AuthServerApi>(`server (${backend})`, '../auth/serverProcess.ts', true, SERVER_CPU)
  try {
    const info = await server.call('start', { databaseUrl: pg?.url }, 120_000)
    const client = new HttpClient(info.port, READ_CONCURRENCY)
    const meter = cpuMeter(server, pg, server.pinned && selfPinned && (!pg || pgPinned(pg)))
    log(`  ${info.dbVersion}, ${scryptLabel(info.scrypt)}; ${describePinning(info.pid, pg)}`)

    log(`  registering ${PLAN.users} accounts…`)
    const reg = await timed('register', () => register(client, PLAN.users))
    const users = reg.users
    await checkMe(client, users[0]!)

    log(`  ${PLAN.warmupLogins} warm-up logins, then ${PLAN.sequentialLogins} one at a time…`)
    await logins(client, users, 1, PLAN.warmupLogins)
    const loginSequential = await timed('loginSequential', () =>
      logins(client, users, 1, PLAN.sequentialLogins, PLAN.warmupLogins, meter),
    )

    const probeIdle = latency(await probe(client, users[0]!.token, () => false, IDLE_PROBES))
    log(`  ${PLAN.concurrent} clients signing in ${PLAN.perClient} times each, one client reading /api/me meanwhile…`)
    let loginsDone = false
    const [loginConcurrent, during] = await timed('loginConcurrent', () =>
      Promise.all([
        logins(client, users, PLAN.concurrent, PLAN.perClient, 0, meter).finally(() => (loginsDone = true)),
        probe(client, users[1 % users.length]!.token, () => loginsDone),
      ]),
    )
    const loginRss = (await server.call('usage', undefined)).maxRssMb

    log(`  ${READ_CONCURRENCY} clients reading GET /api/me: ${PLAN.readWarmupS} s warm-up, ${PLAN.readS} s measured…`)
    const readPhase = await timed('reads', () =>
      reads(client, users, READ_CONCURRENCY, PLAN.readWarmupS, PLAN.readS, meter),
    )
    const pinning = describePinning(info.pid, pg)
    client.close()

    const storage =
      backend === 'SQLite'
        ? `file in ${tmpdir()} (${fsType(tmpdir())}), WAL, synchronous=FULL (fsync per commit), in the server process`
        : `cluster in ${pg!.dir} (${fsType(pg!.dir)}), fsync=off, synchronous_commit=off, pool of 10 connections`
    return {
      backend,
      server: info,
      storage,
      pinning,
      register: latency(reg.ms),
      loginSequential,
      loginConcurrent,
      probeIdle,
      probeDuringLogins: latency(during),
      reads: readPhase,
      serverMaxRssMb: loginRss,
      phaseS,
    }
  } finally {
    await server.stop('close')
  }
}

function postgresVersion(): string | undefined {
  try {
    const r = spawnSync(join(findPostgresBin(), 'postgres'), ['--version'], { encoding: 'utf8' })
    return r.status === 0 ? r.stdout.trim() : undefined
  } catch {
    return undefined
  }
}

function onSignal(signal: NodeJS.Signals): void {
  log(`\n${signal}: stopping child processes`)
  killAll()
  process.exit(130)
}

async function main(): Promise<number> {
  process.on('exit', killAll)
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  const started = new Date()
  const t0 = performance.now()
  const load0 = loadavg()[0]!
  // this process is the load generator; the server (and PostgreSQL) get CPU 0 below
  const selfPinned = pinToCpu(process.pid, LOAD_CPU)
  log(selfPinned ? `load generator pinned to CPU ${LOAD_CPU}` : 'processes not pinned to CPUs')

  const runs: BackendRun[] = []
  const failures: Record<string, string> = {}
  const notes: string[] = []
  if (quick) notes.push('--quick: a smoke run with few samples, not a measurement')

  log('backend SQLite')
  runs.push(await runBackend('SQLite', undefined, selfPinned))

  log('backend PostgreSQL')
  let pg: RunningPostgres | undefined
  try {
    pg = await startPostgres({ install: isRoot() })
    const pids = postgresProcesses(pg)
    const pinned = pids.filter((p) => pinToCpu(p, SERVER_CPU)).length
    if (pinned < pids.length) notes.push(`only ${pinned} of ${pids.length} PostgreSQL processes could be pinned`)
    log(`  cluster started in ${pg.startMs} ms; ${pinned}/${pids.length} processes pinned to CPU ${SERVER_CPU}`)
    runs.push(await runBackend('PostgreSQL', pg, selfPinned))
  } catch (e) {
    failures.PostgreSQL = e instanceof Error ? e.message.split('\n')[0]! : String(e)
    log(`PostgreSQL run failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
  } finally {
    await pg?.stop()
  }

  const verdicts = evaluate(runs, ['SQLite', 'PostgreSQL'], failures)
  const pass = verdicts.every((v) => v.pass)
  notes.push(
    'login latency is almost all scrypt, which runs on the libuv thread pool: logins at once share CPU 0 and ' +
      'the server runs at most 2 hashes at a time, so N at once take about N times as long each',
    'jose verifies tokens with WebCrypto HMAC on that same pool; capping hashes at 2 keeps it free, which is ' +
      "what 'GET /api/me meanwhile' shows",
  )
  process.stdout.write(formatReport(runs, verdicts, notes) + '\n')

  const totalS = (performance.now() - t0) / 1000
  const result = {
    kind: 'auth',
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    durationS: totalS,
    quick,
    plan: { ...PLAN, readConcurrency: READ_CONCURRENCY, idleProbes: IDLE_PROBES },
    host: {
      node: process.version,
      platform: process.platform,
      kernel: release(),
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGb: totalmem() / 2 ** 30,
      loadAverage: [load0, loadavg()[0]!],
      pinned: selfPinned,
      postgres: postgresVersion(),
    },
    scrypt: runs[0]
      ? { ...runs[0].server.scrypt, bytesPerHash: 128 * 2 ** runs[0].server.scrypt.logN * runs[0].server.scrypt.r }
      : undefined,
    pass,
    verdicts,
    failures,
    notes,
    runs,
  }
  const file = writeResults('auth', result, started)
  log(`\nwrote ${file} (${totalS.toFixed(0)} s in all)`)
  return pass ? 0 : 1
}

runBench('auth', main, killAll)

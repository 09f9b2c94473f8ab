/**
 * The load side of the auth benchmark: a plain node:http client over keep-alive connections, and the phases
 * (registration, logins one at a time and several at once, authenticated reads at a fixed concurrency).
 */
import { Agent, request } from 'node:http'

export interface Latency {
  n: number
  mean: number
  p50: number
  p95: number
  p99: number
  max: number
}

/** Nearest-rank percentiles (ms) of a list of samples. */
export function latency(samples: number[]): Latency {
  const s = [...samples].sort((a, b) => a - b)
  const at = (q: number): number => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN
  const mean = s.length ? s.reduce((a, b) => a + b, 0) / s.length : NaN
  return { n: s.length, mean, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s[s.length - 1] ?? NaN }
}

interface Reply {
  status: number
  body: string
}

const REQUEST_TIMEOUT_MS = 30_000

/** One HTTP client with a keep-alive pool, like a reverse proxy in front of the server would hold. */
export class HttpClient {
  private readonly agent: Agent

  constructor(
    private readonly port: number,
    maxSockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets })
  }

  send(method: string, path: string, body?: unknown, token?: string): Promise<Reply> {
    const data = body === undefined ? undefined : JSON.stringify(body)
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (data !== undefined) {
      headers['Content-Type'] = 'application/json'
      headers['Content-Length'] = String(Buffer.byteLength(data))
    }
    if (token) headers.Authorization = `Bearer ${token}`
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: this.port, method, path, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', reject)
      })
      req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`${method} ${path} timed out`)))
      req.on('error', reject)
      req.end(data)
    })
  }

  close(): void {
    this.agent.destroy()
  }
}

export interface User {
  loginId: string
  password: string
  /** Access token from registration (a live session of its own). */
  token: string
  id: string
}

export const userPassword = (i: number): string => `bench-password-${i}-correct-horse`

/** Registers `count` accounts one after the other; returns them with the time each registration took. */
export async function register(http: HttpClient, count: number): Promise<{ users: User[]; ms: number[] }> {
  const users: User[] = []
  const ms: number[] = []
  for (let i = 0; i < count; i++) {
    const loginId = `bench.user${i}@example.com`
    const password = userPassword(i)
    const t0 = performance.now()
    const r = await http.send('POST', '/api/auth/register', {
      displayName: `Bench ${i}`,
      loginId,
      password,
      lang: 'en',
    })
    ms.push(performance.now() - t0)
    if (r.status !== 201) throw new Error(`register ${loginId}: HTTP ${r.status} ${r.body.slice(0, 200)}`)
    const body = JSON.parse(r.body) as { accessToken: string; user: { id: string } }
    users.push({ loginId, password, token: body.accessToken, id: body.user.id })
  }
  return { users, ms }
}

export interface LoginPhase {
  concurrency: number
  logins: number
  latency: Latency
  /** Wall time of the phase and completed logins per second over it. */
  wallS: number
  perS: number
  /** Logins not answered 200 with a token. */
  failures: number
  failureStatuses: Record<string, number>
  /** CPU use during the phase, when a meter was given. */
  cpu?: CpuSplit
}

/**
 * `concurrency` clients each sign in `perClient` times back to back, cycling through the users. Every login checks
 * a password at the configured scrypt cost and writes a session row and an audit entry.
 */
export async function logins(
  http: HttpClient,
  users: User[],
  concurrency: number,
  perClient: number,
  offset = 0,
  meter?: CpuMeter,
): Promise<LoginPhase> {
  const ms: number[] = []
  const failureStatuses: Record<string, number> = {}
  let next = offset
  const stopMeter = meter?.()
  const t0 = performance.now()
  const client = async (): Promise<void> => {
    for (let k = 0; k < perClient; k++) {
      const u = users[next++ % users.length]!
      const t = performance.now()
      let status: string
      try {
        const r = await http.send('POST', '/api/auth/login', { loginId: u.loginId, password: u.password })
        status = r.status === 200 && r.body.includes('"accessToken"') ? 'ok' : String(r.status)
      } catch (e) {
        status = e instanceof Error ? e.message : String(e)
      }
      if (status === 'ok') ms.push(performance.now() - t)
      else failureStatuses[status] = (failureStatuses[status] ?? 0) + 1
    }
  }
  await Promise.all(Array.from({ length: concurrency }, client))
  const wallS = (performance.now() - t0) / 1000
  const cpu = await stopMeter?.()
  const failures = Object.values(failureStatuses).reduce((a, b) => a + b, 0)
  return {
    concurrency,
    logins: concurrency * perClient,
    latency: latency(ms),
    wallS,
    perS: ms.length / wallS,
    failures,
    failureStatuses,
    cpu,
  }
}

/** Checks that GET /api/me answers the token's own account (so the read phase measures real work). */
export async function checkMe(http: HttpClient, user: User): Promise<void> {
  const r = await http.send('GET', '/api/me', undefined, user.token)
  if (r.status !== 200) throw new Error(`GET /api/me: HTTP ${r.status} ${r.body.slice(0, 200)}`)
  const me = JSON.parse(r.body) as { id?: string; loginId?: string }
  if (me.id !== user.id || me.loginId !== user.loginId)
    throw new Error(`GET /api/me answered another account: ${r.body}`)
}

/** One client reading /api/me back to back until `done()` or `max` requests; latencies in ms. */
export async function probe(http: HttpClient, token: string, done: () => boolean, max = Infinity): Promise<number[]> {
  const ms: number[] = []
  while (!done() && ms.length < max) {
    const t = performance.now()
    const r = await http.send('GET', '/api/me', undefined, token)
    if (r.status !== 200) throw new Error(`probe GET /api/me: HTTP ${r.status}`)
    ms.push(performance.now() - t)
  }
  return ms
}

/** Where the CPU went during a phase, in cores (CPU seconds per second of the phase). */
export interface CpuSplit {
  /** Busy fraction of each CPU, whoever used it. */
  perCpuBusy: number[]
  machineCores: number
  serverCores: number
  /** PostgreSQL processes (0 for SQLite, which runs inside the server process). */
  dbCores: number
  loadCores: number
  /** Everything else on the machine. */
  otherCores: number
  /**
   * Other programs on the server's CPU (its busy time less the server and database processes pinned there) and on
   * the load generator's: the first slows the server, the second the load. NaN when the processes are not pinned.
   */
  otherOnServerCpu: number
  otherOnLoadCpu: number
}

/** Starts measuring CPU use; the function it returns ends the measurement. */
export type CpuMeter = () => () => Promise<CpuSplit>

export interface ReadPhase {
  concurrency: number
  warmupS: number
  measuredS: number
  /** Answered 200 within the measured window. */
  requests: number
  perS: number
  latency: Latency
  errors: number
  errorStatuses: Record<string, number>
  /** CPU use during the measured window. */
  cpu: CpuSplit
}

/**
 * `concurrency` clients read GET /api/me back to back with the users' tokens for `warmupS + measureS`; only
 * requests started after the warm-up count; `meter` measures CPU use over that window.
 */
export async function reads(
  http: HttpClient,
  users: User[],
  concurrency: number,
  warmupS: number,
  measureS: number,
  meter: CpuMeter,
): Promise<ReadPhase> {
  const ms: number[] = []
  const errorStatuses: Record<string, number> = {}
  const tStart = performance.now()
  const tWarm = tStart + warmupS * 1000
  const tEnd = tWarm + measureS * 1000
  let lastEnd = tWarm
  let next = 0
  // the measured window starts on a timer so the clients need not check for it
  let stopMeter: (() => Promise<CpuSplit>) | undefined
  const timer = setTimeout(() => (stopMeter = meter()), tWarm - performance.now())
  const client = async (): Promise<void> => {
    while (performance.now() < tEnd) {
      const u = users[next++ % users.length]!
      const t = performance.now()
      let status: string
      try {
        const r = await http.send('GET', '/api/me', undefined, u.token)
        status = r.status === 200 ? 'ok' : String(r.status)
      } catch (e) {
        status = e instanceof Error ? e.message : String(e)
      }
      const end = performance.now()
      if (t < tWarm) continue
      lastEnd = Math.max(lastEnd, end)
      if (status === 'ok') ms.push(end - t)
      else errorStatuses[status] = (errorStatuses[status] ?? 0) + 1
    }
  }
  await Promise.all(Array.from({ length: concurrency }, client))
  clearTimeout(timer)
  if (!stopMeter) throw new Error('the read phase ended before its measured window began')
  const cpu = await stopMeter()
  const windowMs = lastEnd - tWarm
  return {
    concurrency,
    warmupS,
    measuredS: windowMs / 1000,
    requests: ms.length,
    perS: ms.length / (windowMs / 1000),
    latency: latency(ms),
    errors: Object.values(errorStatuses).reduce((a, b) => a + b, 0),
    errorStatuses,
    cpu,
  }
}

import { fork, spawnSync, type ChildProcess } from 'node:child_process'
import { cpus } from 'node:os'
import { fileURLToPath } from 'node:url'

/** An IPC API: command name to [argument, result]. */
export type Api = Record<string, [unknown, unknown]>

type Request = { id: number; cmd: string; arg: unknown }
type Reply = { id: number; result?: unknown; error?: string } | { ready: true }

export type Handlers<T extends Api> = { [K in keyof T]: (arg: T[K][0]) => Promise<T[K][1]> | T[K][1] }

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
const live = new Set<ChildProcess>()

/**
 * Pins a process (all its threads) to one CPU with taskset, so the server under test and the load
 * generators do not preempt each other on a small machine. A no-op with one CPU, without taskset, or
 * with BENCH_NO_PIN set; returns whether it pinned.
 */
export function pinToCpu(pid: number | undefined, cpu: number): boolean {
  if (pid === undefined || process.env.BENCH_NO_PIN || cpus().length < 2) return false
  return spawnSync('taskset', ['-a', '-cp', String(cpu % cpus().length), String(pid)], { stdio: 'ignore' }).status === 0
}

/** Kills every child still running; safe to call repeatedly and from an 'exit' handler. */
export function killAll(): void {
  for (const c of live) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
  live.clear()
}

/** Runs in a child: answers requests from the parent and exits when the parent goes away. */
export function serve<T extends Api>(handlers: Handlers<T>): void {
  const send = (msg: Reply): void => {
    process.send?.(msg)
  }
  // a parent that dies (even by SIGKILL) closes the channel: never outlive it
  process.on('disconnect', () => process.exit(0))
  process.on('message', (raw: Request) => {
    const handler = handlers[raw.cmd] as ((arg: unknown) => unknown) | undefined
    if (!handler) return send({ id: raw.id, error: `unknown command ${raw.cmd}` })
    Promise.resolve()
      .then(() => handler(raw.arg))
      .then(
        (result) => send({ id: raw.id, result }),
        (e: unknown) => send({ id: raw.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
      )
  })
  send({ ready: true })
}

/** Parent side of one child process. */
export class Child<T extends Api> {
  private nextId = 1
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>()
  private exited: string | undefined
  readonly ready: Promise<void>
  /** Whether the process was pinned to a CPU (see `pinToCpu`). */
  pinned = false

  private constructor(
    readonly name: string,
    private readonly proc: ChildProcess,
  ) {
    let onReady!: () => void
    let onDead!: (e: Error) => void
    this.ready = new Promise((resolve, reject) => {
      onReady = resolve
      onDead = reject
    })
    proc.on('message', (msg: Reply) => {
      if ('ready' in msg) return onReady()
      const p = this.pending.get(msg.id)
      if (!p) return
      this.pending.delete(msg.id)
      if (msg.error !== undefined) p.reject(new Error(`${name}: ${msg.error}`))
      else p.resolve(msg.result)
    })
    proc.on('exit', (code, signal) => {
      live.delete(proc)
      this.exited = `${name} exited (code ${code}, signal ${signal})`
      onDead(new Error(this.exited))
      for (const p of this.pending.values()) p.reject(new Error(this.exited))
      this.pending.clear()
    })
  }

  /** Forks a TypeScript entry through tsx; its stdout goes to our stderr so the table stays clean. */
  static async start<T extends Api>(name: string, entry: string, exposeGc = false, cpu?: number): Promise<Child<T>> {
    // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server process there, for finding hot spots
    const prof =
      exposeGc && process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []
    const execArgv = ['--import', 'tsx', ...(exposeGc ? ['--expose-gc'] : []), ...prof]
    const proc = fork(fileURLToPath(new URL(entry, import.meta.url)), [], {
      cwd: REPO_ROOT,
      execArgv,
      stdio: ['ignore', 2, 2, 'ipc'],
    })
    live.add(proc)
    const child = new Child<T>(name, proc)
    await withTimeout(child.ready, 60_000, `${name} did not start`)
    // pin once started: the threads Node spawns at start-up must exist for taskset -a to move them
    if (cpu !== undefined) child.pinned = pinToCpu(proc.pid, cpu)
    return child
  }

  call<K extends keyof T & string>(cmd: K, arg: T[K][0], timeoutMs = 60_000): Promise<T[K][1]> {
    if (this.exited) return Promise.reject(new Error(this.exited))
    const id = this.nextId++
    const result = new Promise<T[K][1]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
    })
    this.proc.send({ id, cmd, arg } satisfies Request)
    return withTimeout(result, timeoutMs, `${this.name}: ${cmd} timed out`)
  }

  /** Asks the child to finish, then kills it if it has not exited within `graceMs`. */
  async stop(cmd: keyof T & string, graceMs = 5000): Promise<void> {
    if (this.exited) return
    const gone = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()))
    this.call(cmd, undefined, graceMs).catch(() => undefined)
    await Promise.race([gone, sleep(graceMs)])
    if (!this.exited) this.proc.kill('SIGKILL')
    live.delete(this.proc)
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

export function withTimeout<V>(p: Promise<V>, ms: number, message: string): Promise<V> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer))
}

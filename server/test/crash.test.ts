import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { CONSENT_TEXTS, type PlanView, type SessionResponse } from '@atrium/common'
import { afterAll, describe, expect, it } from 'vitest'

import { integrityCheck, openDatabase } from '../src/db/database.ts'
import { AuditLog } from '../src/services/audit/AuditLog.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

interface Child {
  proc: ChildProcess
  url: string
  exited: Promise<number | null>
  output(): string
}

/** Starts `server/src/index.ts` in its own process on a free port, as `npm start` would (without the client). */
async function spawnServer(dataDir: string): Promise<Child> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: '0',
    HOST: '127.0.0.1',
    ATRIUM_DATA_DIR: dataDir,
    ATRIUM_SCRYPT_COST: '10',
    ATRIUM_DEMO_ACCOUNTS: '0',
    ATRIUM_WRITES_PER_MINUTE: '1000000',
    ATRIUM_REGISTER_PER_HOUR: '1000000',
    ATRIUM_LOGIN_PER_MINUTE: '1000000',
  }
  for (const k of ['DATABASE_URL', 'ATRIUM_DB_PATH', 'ATRIUM_SECRET', 'ATRIUM_STATIC_DIR']) delete env[k]
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  proc.stdout?.setEncoding('utf8')
  proc.stderr?.setEncoding('utf8')
  proc.stderr?.on('data', (d: string) => (out += d))
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 25_000)
    proc.stdout?.on('data', (d: string) => {
      out += d
      const m = /Atrium is open at (http:\/\/[^\s/]+)/.exec(out)
      if (m?.[1]) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${out}`))
    })
  })
  return { proc, url, exited, output: () => out }
}

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T
}

const children: ChildProcess[] = []
const dirs: string[] = []

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

/** What one customer was told was written. */
interface Ledger {
  token: string
  id: string
  /** Plans acknowledged (201) and not since deleted. */
  plans: Set<string>
  /** Plans whose deletion was acknowledged (204). */
  deleted: Set<string>
  /** Plans with a deletion in flight when the server died: either outcome is fine. */
  uncertain: Set<string>
  consentAcks: number
}

describe('crash safety', () => {
  it('keeps every acknowledged write and an intact database when the server is killed mid-write', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'atrium-crash-'))
    dirs.push(dataDir)
    const first = await spawnServer(dataDir)
    children.push(first.proc)

    const customers: Ledger[] = []
    for (let i = 0; i < 16; i++) {
      const res = await fetch(`${first.url}/api/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          displayName: `Crash ${i}`,
          loginId: `crash${i}@example.com`,
          password: 'crash-password',
          lang: 'en',
        }),
      })
      expect(res.status).toBe(201)
      const s = await json<SessionResponse>(res)
      customers.push({
        token: s.accessToken,
        id: s.user.id,
        plans: new Set(),
        deleted: new Set(),
        uncertain: new Set(),
        consentAcks: 0,
      })
    }

    let dead = false
    let inFlight = 0
    let inFlightAtKill = -1
    let failures = 0
    const send = async (c: Ledger, method: string, path: string, body?: unknown): Promise<Response | undefined> => {
      inFlight += 1
      try {
        return await fetch(`${first.url}${path}`, {
          method,
          headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        })
      } catch {
        // the server died with this request open: not acknowledged
        failures += 1
        return undefined
      } finally {
        inFlight -= 1
      }
    }
    /** One writer per customer, so each customer's writes are ordered; 16 writers keep 16 requests in flight. */
    const writer = async (c: Ledger) => {
      for (let n = 0; !dead; n++) {
        if (n % 3 === 2) {
          const granted = n % 2 === 0
          const res = await send(c, 'PUT', '/api/me/consents', {
            purpose: 'marketing',
            granted,
            version: CONSENT_TEXTS.marketing.version,
          })
          if (res?.status === 200) c.consentAcks += 1
          else if (res) throw new Error(`consent write: ${res.status} ${await res.text()}`)
        } else if (c.plans.size >= 40) {
          // stay under the 50-plan cap: delete the oldest acknowledged plan
          const [oldest] = c.plans
          if (!oldest) continue
          c.plans.delete(oldest)
          c.uncertain.add(oldest)
          const res = await send(c, 'DELETE', `/api/me/plans/${oldest}`)
          if (res?.status === 204) {
            c.uncertain.delete(oldest)
            c.deleted.add(oldest)
          } else if (res) throw new Error(`plan delete: ${res.status} ${await res.text()}`)
        } else {
          const res = await send(c, 'POST', '/api/me/plans', { name: `plan ${n}`, data: { n, pad: 'x'.repeat(200) } })
          if (res?.status === 201) c.plans.add((await json<PlanView>(res)).id)
          else if (res) throw new Error(`plan write: ${res.status} ${await res.text()}`)
        }
      }
    }
    const started = Date.now()
    const writers = Promise.allSettled(customers.map(writer))
    await new Promise((r) => setTimeout(r, 800))
    inFlightAtKill = inFlight
    first.proc.kill('SIGKILL')
    dead = true
    expect(await first.exited).toBeNull()
    const results = await writers
    for (const r of results) if (r.status === 'rejected') throw r.reason
    const elapsed = Date.now() - started

    const acked = customers.reduce((n, c) => n + c.plans.size + c.deleted.size, 0)
    const consentAcks = customers.reduce((n, c) => n + c.consentAcks, 0)
    // the kill really came mid-flight, after a fair amount of acknowledged work
    expect(inFlightAtKill, `in flight at kill (after ${elapsed} ms)`).toBeGreaterThan(0)
    expect(acked).toBeGreaterThan(16)
    expect(consentAcks).toBeGreaterThan(4)
    expect(failures).toBeGreaterThan(0)

    // the database as the crash left it
    const handle = await openDatabase({ sqlitePath: join(dataDir, 'atrium.db') })
    try {
      expect(await integrityCheck(handle)).toBe('ok')
      const verify = await new AuditLog(handle).verify()
      expect(verify).toMatchObject({ ok: true })
      expect(verify.entries).toBeGreaterThanOrEqual(16 + consentAcks)
      const rows = await handle.db.selectFrom('plans').select(['id', 'user_id']).execute()
      const stored = new Map(rows.map((r) => [r.id, r.user_id]))
      for (const c of customers) {
        for (const id of c.plans) expect(stored.get(id), `acknowledged plan ${id}`).toBe(c.id)
        for (const id of c.deleted) expect(stored.has(id), `deleted plan ${id}`).toBe(false)
        const consents = await handle.db
          .selectFrom('consents')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('user_id', '=', c.id)
          .executeTakeFirstOrThrow()
        expect(Number(consents.n)).toBeGreaterThanOrEqual(c.consentAcks)
        // every consent row committed with its audit entry (never one without the other)
        const audited = await handle.db
          .selectFrom('audit')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('subject_id', '=', c.id)
          .where('action', 'in', ['consent.granted', 'consent.withdrawn'])
          .executeTakeFirstOrThrow()
        expect(Number(audited.n)).toBe(Number(consents.n))
      }
    } finally {
      await handle.close()
    }

    // a server restarted on the same folder serves it all, with the same secret and sessions
    const second = await spawnServer(dataDir)
    children.push(second.proc)
    try {
      for (const c of customers) {
        const res = await fetch(`${second.url}/api/me/plans`, { headers: { authorization: `Bearer ${c.token}` } })
        expect(res.status).toBe(200)
        const ids = new Set((await json<PlanView[]>(res)).map((p) => p.id))
        for (const id of c.plans) expect(ids.has(id), `plan ${id} after restart`).toBe(true)
        for (const id of c.deleted) expect(ids.has(id)).toBe(false)
      }
      const c0 = customers[0]
      if (!c0) throw new Error('no customers')
      const more = await fetch(`${second.url}/api/me/plans`, {
        method: 'POST',
        headers: { authorization: `Bearer ${c0.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'after the crash', data: {} }),
      })
      expect(more.status).toBe(201)
      const signIn = await fetch(`${second.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ loginId: 'crash3@example.com', password: 'crash-password' }),
      })
      expect(signIn.status).toBe(200)
    } finally {
      second.proc.kill('SIGTERM')
      expect(await second.exited, second.output()).toBe(0)
    }

    // and a clean shutdown leaves a healthy file behind
    const after = await openDatabase({ sqlitePath: join(dataDir, 'atrium.db') })
    try {
      expect(await integrityCheck(after)).toBe('ok')
      expect((await new AuditLog(after).verify()).ok).toBe(true)
    } finally {
      await after.close()
    }
  }, 60_000)
})

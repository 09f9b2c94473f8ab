import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { CONSENT_TEXTS, type AdvisorySessionView, type QueueStatus } from '@atrium/common'

import { createAtriumServer } from '../src/app.ts'
import { isolatedConfig } from '../src/config.ts'
import { call, LIFTED_LIMITS, register, type Account } from './accountHelpers.ts'
import { emptyPgDatabase, type DialectName } from './db.ts'
import type { TestServer } from './helpers.ts'

/** A database that outlives server processes (restart tests): a SQLite data folder, or a PostgreSQL database. */
export interface DurableDb {
  dataDir: string
  url: string | undefined
  drop(): Promise<void>
}

export async function durableDb(kind: DialectName): Promise<DurableDb> {
  const dataDir = mkdtempSync(join(tmpdir(), 'atrium-adv-'))
  const pg = kind === 'postgres' ? await emptyPgDatabase() : undefined
  return { dataDir, url: pg?.url, drop: async () => pg?.drop() }
}

/** Starts a server on a durable database; the same folder keeps the signing secret, so tokens survive restarts. */
export async function bootOn(db: DurableDb): Promise<TestServer> {
  const server = await createAtriumServer(
    isolatedConfig(db.dataDir, { scrypt: { logN: 12, r: 8, p: 1 }, limits: LIFTED_LIMITS, databaseUrl: db.url }),
  )
  const port = await server.listen()
  return { server, port, url: `http://127.0.0.1:${port}` }
}

/** Registers `n` customers, a few at a time (the password hash is the slow part). */
export async function customers(t: TestServer, n: number, prefix = 'Customer'): Promise<Account[]> {
  const out: Account[] = []
  for (let i = 0; i < n; i += 10) {
    const batch = Array.from({ length: Math.min(10, n - i) }, (_, k) =>
      register(t, { displayName: `${prefix} ${i + k}` }),
    )
    out.push(...(await Promise.all(batch)))
  }
  return out
}

export const queueStatus = async (t: TestServer, who: Account): Promise<QueueStatus> =>
  (await call<QueueStatus>(t, 'GET', '/api/advisors/queue/me', { token: who.token })).body

/** The advisor accepts whoever waited longest; null when nobody waits. */
export async function acceptNext(t: TestServer, advisor: Account): Promise<AdvisorySessionView | null> {
  const r = await call<{ session: AdvisorySessionView | null }>(t, 'POST', '/api/advisors/queue/accept-next', {
    token: advisor.token,
    json: {},
  })
  if (r.status !== 200) throw new Error(`accept-next failed: ${r.status} ${r.text}`)
  return r.body.session
}

/** Grants the customer's consent to share with the advisor. */
export async function shareWithAdvisor(t: TestServer, who: Account, granted = true): Promise<void> {
  const r = await call(t, 'PUT', '/api/me/consents', {
    token: who.token,
    json: { purpose: 'share_with_advisor', granted, version: CONSENT_TEXTS.share_with_advisor.version },
  })
  if (r.status !== 200) throw new Error(`consent failed: ${r.status} ${r.text}`)
}

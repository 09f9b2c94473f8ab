import { randomBytes } from 'node:crypto'

import type { AccountView, Role, SessionResponse } from '@atrium/common'
import { sql } from 'kysely'

import type { Database } from '../src/db/schema.ts'
import { SYSTEM_ACTOR } from '../src/services/audit/AuditLog.ts'
import type { ServerConfig } from '../src/config.ts'
import { emptyPgDatabase, SCHEMA_TABLES, type DialectName } from './db.ts'
import { startServer, type TestServer } from './helpers.ts'

/** Limits high enough that a suite registering and signing in many accounts never meets them. */
export const LIFTED_LIMITS: ServerConfig['limits'] = {
  loginPerMinute: 1_000_000,
  registerPerHour: 1_000_000,
  writesPerMinute: 1_000_000,
}

/** The one error shape, plus whatever a success body carries. */
export type Body = { error?: { code: string; message: string; issues?: { path: string; message: string }[] } } & Record<
  string,
  unknown
>

export interface ApiResult<T = Body> {
  status: number
  body: T
  /** The error of an error answer, whatever `T` says. */
  error: Body['error']
  /** The raw body text (empty for 204). */
  text: string
  headers: Headers
  /** `atrium_rt=…` from Set-Cookie, when one was set (empty value when cleared). */
  refreshCookie: string | undefined
}

export interface CallOptions {
  token?: string | undefined
  /** Serialized as JSON with `application/json`. */
  json?: unknown
  /** Sent as is, with `type` (default application/json). */
  raw?: string
  type?: string
  cookie?: string | undefined
  headers?: Record<string, string>
}

/** One HTTP request against a test server; never throws on an error status. */
export async function call<T = Body>(
  t: TestServer,
  method: string,
  path: string,
  opts: CallOptions = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { ...opts.headers }
  let payload: string | undefined
  if (opts.json !== undefined) {
    payload = JSON.stringify(opts.json)
    headers['content-type'] = 'application/json'
  } else if (opts.raw !== undefined) {
    payload = opts.raw
    headers['content-type'] = opts.type ?? 'application/json'
  }
  if (opts.token) headers.authorization = `Bearer ${opts.token}`
  if (opts.cookie) headers.cookie = opts.cookie
  const res = await fetch(`${t.url}${path}`, { method, headers, body: payload })
  const text = await res.text()
  const isJson = (res.headers.get('content-type') ?? '').startsWith('application/json')
  const set = res.headers.getSetCookie().find((c) => c.startsWith('atrium_rt='))
  const parsed: unknown = isJson && text ? JSON.parse(text) : {}
  return {
    status: res.status,
    body: parsed as T,
    error: (parsed as Body | null)?.error,
    text,
    headers: res.headers,
    refreshCookie: set?.split(';')[0],
  }
}

/** A unique, valid email login id. */
export function uniqueLogin(prefix = 'user'): string {
  return `${prefix}.${randomBytes(5).toString('hex')}@example.com`
}

export interface Account {
  id: string
  loginId: string
  password: string
  displayName: string
  role: Exclude<Role, 'guest'>
  token: string
  /** `atrium_rt=…`, ready for a Cookie header. */
  cookie: string
}

/** Registers a customer through the API. */
export async function register(
  t: TestServer,
  input: { loginId?: string; password?: string; displayName?: string } = {},
): Promise<Account> {
  const loginId = input.loginId ?? uniqueLogin('customer')
  const password = input.password ?? `pw-${randomBytes(8).toString('hex')}`
  const displayName = input.displayName ?? 'Customer'
  const r = await call<SessionResponse>(t, 'POST', '/api/auth/register', {
    json: { displayName, loginId, password, lang: 'en' },
  })
  if (r.status !== 201 || !r.refreshCookie) throw new Error(`register failed: ${r.status} ${r.text}`)
  return {
    id: r.body.user.id,
    loginId: r.body.user.loginId,
    password,
    displayName: r.body.user.displayName,
    role: 'customer',
    token: r.body.accessToken,
    cookie: r.refreshCookie,
  }
}

/** Signs in through the API; throws unless it succeeds. */
export async function login(t: TestServer, loginId: string, password: string): Promise<Omit<Account, 'role'>> {
  const r = await call<SessionResponse>(t, 'POST', '/api/auth/login', { json: { loginId, password } })
  if (r.status !== 200 || !r.refreshCookie) throw new Error(`login failed: ${r.status} ${r.text}`)
  const u: AccountView = r.body.user
  return {
    id: u.id,
    loginId: u.loginId,
    password,
    displayName: u.displayName,
    token: r.body.accessToken,
    cookie: r.refreshCookie,
  }
}

/** Creates a staff account directly (as the system, as the CLI would) and signs it in through the API. */
export async function staff(
  t: TestServer,
  role: 'advisor' | 'educator' | 'compliance' | 'admin',
  displayName = `Staff ${role}`,
): Promise<Account> {
  const loginId = uniqueLogin(role)
  const password = `pw-${randomBytes(8).toString('hex')}`
  await t.server.services.accounts.create({ displayName, loginId, password, role, lang: 'en', look: 0 }, SYSTEM_ACTOR)
  return { ...(await login(t, loginId, password)), role }
}

/** Every row of one table, as plain objects. */
export async function rowsOf(t: TestServer, table: keyof Database): Promise<Record<string, unknown>[]> {
  const r = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(t.server.services.db.db)
  return r.rows
}

/** Row counts of every table. */
export async function tableCounts(t: TestServer): Promise<Record<keyof Database, number>> {
  const out = {} as Record<keyof Database, number>
  for (const table of SCHEMA_TABLES) {
    const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
      t.server.services.db.db,
    )
    out[table] = Number(r.rows[0]?.n ?? -1)
  }
  return out
}

/**
 * Starts a server on SQLite or on a fresh database of the test PostgreSQL cluster; `stop()` closes it and drops
 * the PostgreSQL database.
 */
export async function startOn(
  kind: DialectName,
  overrides: Partial<ServerConfig> = {},
): Promise<TestServer & { stop(): Promise<void> }> {
  const pg = kind === 'postgres' ? await emptyPgDatabase() : undefined
  let t: TestServer
  try {
    t = await startServer({ limits: LIFTED_LIMITS, ...overrides, databaseUrl: pg?.url })
  } catch (e) {
    await pg?.drop()
    throw e
  }
  if (t.server.services.db.dialect !== kind) throw new Error(`server runs on ${t.server.services.db.dialect}`)
  return {
    ...t,
    async stop() {
      await t.server.close()
      await pg?.drop()
    },
  }
}

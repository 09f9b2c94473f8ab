import { BranchState, CLOSE_SESSION_ENDED, SESSION, type SessionResponse } from '@atrium/common'
import { Client } from 'colyseus.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DIALECTS, freshDb, type TestDb } from './db.ts'
import { startServer, type TestServer } from './helpers.ts'

interface Reply {
  status: number
  body: Record<string, unknown>
  cookie: string | undefined
}

/** One JSON request; `cookie` is sent as-is and the new refresh cookie (if any) returned. */
async function call(
  t: TestServer,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; cookie?: string } = {},
): Promise<Reply> {
  const headers: Record<string, string> = {}
  if (opts.body !== undefined) headers['content-type'] = 'application/json'
  if (opts.token) headers.authorization = `Bearer ${opts.token}`
  if (opts.cookie) headers.cookie = opts.cookie
  const res = await fetch(t.url + path, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  })
  const text = await res.text()
  const set = res.headers.get('set-cookie')?.split(';')[0]
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, cookie: set }
}

const password = 'a long enough password'

describe.each(DIALECTS)('sessions on %s', (dialect) => {
  let db: TestDb
  let t: TestServer
  let n = 0

  beforeAll(async () => {
    db = await freshDb(dialect)
    await db.close()
    // sign-in limits have their own tests; here many sign-ins come from one address
    const limits = { loginPerMinute: 1000, registerPerHour: 1000, writesPerMinute: 1000 }
    t = await startServer({ databaseUrl: db.url, sqlitePath: db.sqlitePath, limits })
  })
  afterAll(async () => {
    await t.server.close()
    await db.drop()
  })

  async function register(): Promise<SessionResponse & { cookie: string }> {
    n += 1
    const r = await call(t, 'POST', '/api/auth/register', {
      body: { displayName: `Customer ${n}`, loginId: `c${n}-${dialect}@example.com`, password, lang: 'en' },
    })
    expect(r.status).toBe(201)
    expect(r.cookie).toMatch(/^atrium_rt=s_/)
    return { ...(r.body as unknown as SessionResponse), cookie: r.cookie ?? '' }
  }

  const sessionRow = (token: string) => {
    const sid = (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { sid: string }).sid
    return {
      sid,
      row: () =>
        t.server.services.db.db.selectFrom('sessions').selectAll().where('id', '=', sid).executeTakeFirstOrThrow(),
    }
  }

  it('sets an httpOnly, SameSite=Strict refresh cookie scoped to /api/auth', async () => {
    const res = await fetch(`${t.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        displayName: 'Cookie',
        loginId: `cookie-${dialect}@example.com`,
        password,
        lang: 'zh-CN',
      }),
    })
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    expect(cookie).toMatch(/Path=\/api\/auth/)
    expect(cookie).toMatch(new RegExp(`Max-Age=${SESSION.absoluteLifetime}`))
  })

  it('rotates the refresh token and ends the family when an old one is replayed', async () => {
    const s = await register()
    const first = await call(t, 'POST', '/api/auth/refresh', { body: {}, cookie: s.cookie })
    expect(first.status).toBe(200)
    expect(first.cookie).not.toBe(s.cookie)
    const second = await call(t, 'POST', '/api/auth/refresh', { body: {}, cookie: first.cookie })
    expect(second.status).toBe(200)
    // the first cookie again: someone copied it
    const replay = await call(t, 'POST', '/api/auth/refresh', { body: {}, cookie: s.cookie })
    expect(replay.status).toBe(401)
    expect(replay.body).toMatchObject({ error: { code: 'refresh_reuse' } })
    expect((await call(t, 'POST', '/api/auth/refresh', { body: {}, cookie: second.cookie })).status).toBe(401)
    expect((await call(t, 'GET', '/api/me', { token: String(second.body.accessToken) })).status).toBe(401)
  })

  it('logout ends the session at once', async () => {
    const s = await register()
    expect((await call(t, 'POST', '/api/auth/logout', { token: s.accessToken, body: {} })).status).toBe(204)
    const me = await call(t, 'GET', '/api/me', { token: s.accessToken })
    expect(me.status).toBe(401)
    expect(me.body).toMatchObject({ error: { code: 'session_ended' } })
    expect((await call(t, 'POST', '/api/auth/refresh', { body: {}, cookie: s.cookie })).status).toBe(401)
  })

  it('lists my sessions and signs out another device, never someone else', async () => {
    const s = await register()
    const other = await call(t, 'POST', '/api/auth/login', { body: { loginId: s.user.loginId, password } })
    const list = await call(t, 'GET', '/api/me/sessions', { token: s.accessToken })
    const sessions = list.body as unknown as { id: string; current: boolean }[]
    expect(sessions).toHaveLength(2)
    const mine = sessionRow(s.accessToken).sid
    expect(sessions.find((x) => x.current)?.id).toBe(mine)
    const otherSid = sessionRow(String(other.body.accessToken)).sid
    const stranger = await register()
    expect(
      (await call(t, 'DELETE', `/api/me/sessions/${otherSid}`, { token: stranger.accessToken, body: {} })).status,
    ).toBe(404)
    expect((await call(t, 'DELETE', `/api/me/sessions/${mine}`, { token: s.accessToken, body: {} })).status).toBe(404)
    expect((await call(t, 'DELETE', `/api/me/sessions/${otherSid}`, { token: s.accessToken, body: {} })).status).toBe(
      204,
    )
    expect((await call(t, 'GET', '/api/me', { token: String(other.body.accessToken) })).status).toBe(401)
    expect((await call(t, 'GET', '/api/me', { token: s.accessToken })).status).toBe(200)
  })

  it('ends a session idle for more than 30 minutes', async () => {
    const s = await register()
    const { sid, row } = sessionRow(s.accessToken)
    const stale = Date.now() - (SESSION.idleTimeout + 5) * 1000
    await t.server.services.db.db.updateTable('sessions').set({ last_used_at: stale }).where('id', '=', sid).execute()
    expect((await call(t, 'GET', '/api/me', { token: s.accessToken })).status).toBe(401)
    const r = await call(t, 'POST', '/api/auth/refresh', { body: {}, cookie: s.cookie })
    expect(r.body).toMatchObject({ error: { code: 'session_expired' } })
    expect((await row()).end_reason).toBe('idle')
  })

  it('ends a session after its absolute lifetime even when active', async () => {
    const s = await register()
    const { sid, row } = sessionRow(s.accessToken)
    await t.server.services.db.db
      .updateTable('sessions')
      .set({ expires_at: Date.now() - 1 })
      .where('id', '=', sid)
      .execute()
    expect((await call(t, 'POST', '/api/auth/refresh', { body: {}, cookie: s.cookie })).status).toBe(401)
    expect((await row()).end_reason).toBe('expired')
  })

  it('lets an admin end sessions and disable accounts, which drops room connections', async () => {
    const admin = await t.server.services.accounts.createStaff(
      { displayName: 'Admin', loginId: `admin-${dialect}@bank.example`, password, role: 'admin', lang: 'en' },
      { id: 'system', role: 'system' },
    )
    const login = await call(t, 'POST', '/api/auth/login', { body: { loginId: admin.login_id, password } })
    expect(login.status).toBe(200)
    const adminToken = String(login.body.accessToken)
    const s = await register()

    const client = new Client(`ws://127.0.0.1:${t.port}`)
    client.auth.token = s.accessToken
    const room = await client.joinOrCreate('branch', {}, BranchState)
    const left = new Promise<number>((resolve) => room.onLeave((code) => resolve(code)))
    await new Promise((r) => setTimeout(r, 100))
    const me = room.state.avatars.get(room.sessionId)
    expect(me?.id).toBe(s.user.id)
    expect(me?.name).toBe(s.user.displayName)

    const revoke = await call(t, 'POST', `/api/admin/users/${s.user.id}/revoke-sessions`, {
      token: adminToken,
      body: {},
    })
    expect(revoke.body).toEqual({ revoked: 1 })
    expect(await left).toBe(CLOSE_SESSION_ENDED)
    expect((await call(t, 'GET', '/api/me', { token: s.accessToken })).status).toBe(401)
    await expect(new Client(`ws://127.0.0.1:${t.port}`).joinOrCreate('branch', {}, BranchState)).rejects.toThrow()

    const again = await call(t, 'POST', '/api/auth/login', { body: { loginId: s.user.loginId, password } })
    expect(again.status).toBe(200)
    const disable = await call(t, 'PATCH', `/api/admin/users/${s.user.id}`, {
      token: adminToken,
      body: { disabled: true },
    })
    expect(disable.body).toMatchObject({ disabled: true })
    expect((await call(t, 'GET', '/api/me', { token: String(again.body.accessToken) })).status).toBe(401)
    const refused = await call(t, 'POST', '/api/auth/login', { body: { loginId: s.user.loginId, password } })
    expect(refused.status).toBe(403)
    expect(refused.body).toMatchObject({ error: { code: 'account_disabled' } })

    const actions = (await t.server.services.audit.query({ subject: s.user.id, limit: 50 })).map((e) => e.action)
    expect(actions).toEqual(
      expect.arrayContaining(['auth.register', 'auth.login', 'session.revoked', 'account.disabled']),
    )
  })

  it('re-issues tokens with the new role after a role change', async () => {
    const staff = await t.server.services.accounts.createStaff(
      { displayName: 'Edu', loginId: `edu-${dialect}@bank.example`, password, role: 'educator', lang: 'en' },
      { id: 'system', role: 'system' },
    )
    const login = await call(t, 'POST', '/api/auth/login', { body: { loginId: staff.login_id, password } })
    await t.server.services.accounts.adminUpdate(staff.id, { role: 'advisor' }, { id: 'system', role: 'system' })
    expect((await call(t, 'GET', '/api/me', { token: String(login.body.accessToken) })).status).toBe(401)
    const fresh = await call(t, 'POST', '/api/auth/login', { body: { loginId: staff.login_id, password } })
    expect((fresh.body.user as { role: string }).role).toBe('advisor')
  })
})

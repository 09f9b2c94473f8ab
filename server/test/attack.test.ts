import { request } from 'node:http'

import {
  BranchState,
  cleanMultiline,
  cleanText,
  CONSENT_TEXTS,
  type AccountView,
  type AuditEntryView,
  type ChatLine,
  type PlanView,
} from '@atrium/common'
import { Client } from 'colyseus.js'
import { SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { DEFAULT_LIMITS } from '../src/services/accounts/RequestLimiter.ts'
import {
  call,
  login,
  register,
  staff,
  startOn,
  tableCounts,
  uniqueLogin,
  type Account,
  type ApiResult,
} from './accountHelpers.ts'
import { DIALECTS } from './db.ts'
import { guest, startServer, type TestServer } from './helpers.ts'

const SECRET = 'attack-suite-secret-that-is-long-enough-0123456789'
const KEY = new TextEncoder().encode(SECRET)

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** The payload of a JWT, read without verifying it (as an attacker would). */
function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>
}

/** Signs arbitrary claims with HS256; iss/aud/iat/exp come from `claims` as given. */
function sign(claims: Record<string, unknown>, key: Uint8Array = KEY): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(key)
}

/** Asserts a refusal with the expected status and code, and that none of `secrets` appear in the answer. */
function expectRefused(r: ApiResult<unknown>, status: number, code?: string, secrets: string[] = []): void {
  expect(r.status, r.text).toBe(status)
  if (code) expect(r.error?.code).toBe(code)
  for (const s of secrets) expect(r.text).not.toContain(s)
}

/** A join to the branch room with this bearer token must be refused. */
async function expectJoinRefused(t: TestServer, token: string): Promise<void> {
  const c = new Client(`ws://127.0.0.1:${t.port}`)
  c.auth.token = token
  await expect(c.joinOrCreate('branch')).rejects.toMatchObject({ code: 401 })
}

const nowS = () => Math.floor(Date.now() / 1000)

describe('attacks on sessions, roles and requests (SQLite)', () => {
  let t: TestServer

  beforeAll(async () => {
    t = await startOn('sqlite', { secret: SECRET })
  })
  afterAll(async () => {
    await t.server.close()
  })

  it('refuses forged, expired and misdirected tokens over HTTP and at the room door', async () => {
    const victim = await register(t, { displayName: 'Victoria Victim' })
    const other = await register(t, { displayName: 'Oscar Other' })
    const admin = await staff(t, 'admin')
    const secrets = [victim.loginId, other.loginId, 'Victoria Victim', 'Oscar Other']
    const real = claimsOf(victim.token)
    expect(real).toMatchObject({ sub: victim.id, iss: 'atrium', aud: 'atrium-rooms', role: 'customer' })
    // the genuine token works, so every refusal below is the forgery's doing
    expect((await call(t, 'GET', '/api/me', { token: victim.token })).status).toBe(200)

    const [header, , signature] = victim.token.split('.')
    const forged: [string, string, string][] = [
      [
        'wrong key',
        await sign(real, new TextEncoder().encode('not-the-server-secret-0123456789abcdef')),
        'invalid_token',
      ],
      ['alg none', `${b64({ alg: 'none', typ: 'JWT' })}.${b64(real)}.`, 'invalid_token'],
      ['alg none with a signature', `${b64({ alg: 'none' })}.${b64(real)}.${signature}`, 'invalid_token'],
      ['expired', await sign({ ...real, iat: nowS() - 7200, exp: nowS() - 60 }), 'token_expired'],
      ['wrong audience', await sign({ ...real, aud: 'someone-else' }), 'invalid_token'],
      ['wrong issuer', await sign({ ...real, iss: 'evil' }), 'invalid_token'],
      ['no audience or issuer', await sign({ ...real, aud: undefined, iss: undefined }), 'invalid_token'],
      ['sub swapped, not re-signed', `${header}.${b64({ ...real, sub: other.id })}.${signature}`, 'invalid_token'],
      ['role raised, not re-signed', `${header}.${b64({ ...real, role: 'admin' })}.${signature}`, 'invalid_token'],
      ['signed admin without a session', await sign({ ...real, role: 'admin', sid: undefined }), 'invalid_token'],
      ['signed guest with a session', await sign({ ...real, role: 'guest' }), 'invalid_token'],
      ['signed, naming another user', await sign({ ...real, sub: other.id }), 'session_ended'],
      ['signed, unknown session', await sign({ ...real, sid: 's_doesnotexist0000' }), 'session_ended'],
      ['garbage', 'eyJhbGciOiJIUzI1NiJ9.e30.AAAAAAAAAAAAAAAAAAAAAA', 'invalid_token'],
    ]
    for (const [what, token, code] of forged) {
      const me = await call(t, 'GET', '/api/me', { token })
      expect(me.status, what).toBe(401)
      expect(me.error?.code, what).toBe(code)
      for (const s of secrets) expect(me.text, what).not.toContain(s)
      expectRefused(await call(t, 'GET', '/api/admin/users', { token }), 401, code, secrets)
      expectRefused(await call(t, 'GET', '/api/me/export', { token }), 401, code, secrets)
      expectRefused(await call(t, 'PATCH', '/api/me', { token, json: { displayName: 'Pwned' } }), 401, code)
      await expectJoinRefused(t, token)
    }
    // a forged admin token built from the real admin's header and the victim's claims fails too
    const adminClaims = claimsOf(admin.token)
    const spliced = `${admin.token.split('.')[0]}.${b64({ ...adminClaims, sub: victim.id })}.${admin.token.split('.')[2]}`
    expectRefused(await call(t, 'GET', '/api/admin/users', { token: spliced }), 401, 'invalid_token')

    const names = await t.server.services.db.db.selectFrom('users').select(['id', 'display_name', 'role']).execute()
    expect(names.find((u) => u.id === victim.id)).toEqual({
      id: victim.id,
      display_name: 'Victoria Victim',
      role: 'customer',
    })
    expect(names.find((u) => u.id === other.id)?.display_name).toBe('Oscar Other')

    // a guest token opens the branch but no account endpoint
    const g = await guest(t, 'Gus')
    const gc = new Client(`ws://127.0.0.1:${t.port}`)
    gc.auth.token = g.token
    const guestRoom = await gc.joinOrCreate('branch', {}, BranchState)
    guestRoom.onMessage('*', () => undefined)
    await guestRoom.leave()
    expectRefused(await call(t, 'GET', '/api/me', { token: g.token }), 403, 'forbidden', secrets)
    expectRefused(await call(t, 'GET', '/api/admin/users', { token: g.token }), 403, 'forbidden', secrets)
    expectRefused(await call(t, 'GET', '/api/me/plans', { token: g.token }), 403, 'forbidden')
    expectRefused(await call(t, 'GET', `/api/customers/${victim.id}`, { token: g.token }), 403, 'forbidden', secrets)
    expectRefused(await call(t, 'GET', '/api/audit', { token: g.token }), 403, 'forbidden')
    expectRefused(
      await call(t, 'PATCH', '/api/me', { token: g.token, json: { displayName: 'Gus2' } }),
      403,
      'forbidden',
    )

    // the genuine tokens join the room; after sign-out the same tokens are dead everywhere
    const c = new Client(`ws://127.0.0.1:${t.port}`)
    c.auth.token = victim.token
    const room = await c.joinOrCreate('branch', {}, BranchState)
    room.onMessage('*', () => undefined)
    await room.leave()
    const second = await login(t, victim.loginId, victim.password)
    expect((await call(t, 'POST', '/api/auth/logout', { token: second.token, json: {} })).status).toBe(204)
    expectRefused(await call(t, 'GET', '/api/me', { token: second.token }), 401, 'session_ended', secrets)
    await expectJoinRefused(t, second.token)
    // the victim's first session is unaffected by signing out of the second
    expect((await call(t, 'GET', '/api/me', { token: victim.token })).status).toBe(200)

    expect((await call(t, 'GET', '/api/admin/users', { token: admin.token })).status).toBe(200)
    expect((await call(t, 'POST', '/api/auth/logout', { token: admin.token, json: {} })).status).toBe(204)
    expectRefused(await call(t, 'GET', '/api/admin/users', { token: admin.token }), 401, 'session_ended', secrets)
    expectRefused(await call(t, 'GET', '/api/me', { token: admin.token }), 401, 'session_ended')
    await expectJoinRefused(t, admin.token)
    // the admin's refresh cookie died with the session too
    expectRefused(await call(t, 'POST', '/api/auth/refresh', { cookie: admin.cookie, json: {} }), 401, undefined)
  })

  it('detects a reused refresh token and ends the whole family', async () => {
    const a = await register(t)
    const first = await call<{ accessToken: string }>(t, 'POST', '/api/auth/refresh', { cookie: a.cookie, json: {} })
    expect(first.status).toBe(200)
    expect(first.refreshCookie).toBeDefined()
    expect(first.refreshCookie).not.toBe(a.cookie)
    const rotated = first.refreshCookie ?? ''
    const newAccess = first.body.accessToken
    expect((await call(t, 'GET', '/api/me', { token: newAccess })).status).toBe(200)

    // the old cookie again: someone copied it
    const reuse = await call(t, 'POST', '/api/auth/refresh', { cookie: a.cookie, json: {} })
    expectRefused(reuse, 401, 'refresh_reuse', [a.loginId])
    expect(reuse.refreshCookie).toBe('atrium_rt=')
    expect(reuse.headers.getSetCookie()[0]).toContain('Max-Age=0')
    // the current cookie and every access token of the family are dead too
    expectRefused(await call(t, 'POST', '/api/auth/refresh', { cookie: rotated, json: {} }), 401, 'session_expired')
    expectRefused(await call(t, 'GET', '/api/me', { token: newAccess }), 401, 'session_ended')
    expectRefused(await call(t, 'GET', '/api/me', { token: a.token }), 401, 'session_ended')
    await expectJoinRefused(t, newAccess)

    const trail = await t.server.services.audit.query({ action: 'auth.refresh_reuse', subject: a.id, limit: 10 })
    expect(trail).toHaveLength(1)
    expect(trail[0]).toMatchObject({ actorId: a.id, subjectId: a.id, action: 'auth.refresh_reuse' })
    const session = await t.server.services.db.db
      .selectFrom('sessions')
      .select(['end_reason', 'ended_at'])
      .where('user_id', '=', a.id)
      .executeTakeFirstOrThrow()
    expect(session.end_reason).toBe('refresh_reuse')
    expect(session.ended_at).not.toBeNull()
    // a cookie of an unknown family or in a malformed shape is refused without a reuse alarm
    expectRefused(
      await call(t, 'POST', '/api/auth/refresh', { cookie: 'atrium_rt=s_nope.abc', json: {} }),
      401,
      'session_expired',
    )
    expectRefused(
      await call(t, 'POST', '/api/auth/refresh', { cookie: "atrium_rt=' OR 1=1", json: {} }),
      401,
      'session_expired',
    )
    // signing in again starts a fresh family
    const again = await login(t, a.loginId, a.password)
    expect((await call(t, 'GET', '/api/me', { token: again.token })).status).toBe(200)
  })

  it('ignores role escalation through request bodies', async () => {
    const before = await tableCounts(t)
    const loginId = uniqueLogin('climber')
    const reg = await call(t, 'POST', '/api/auth/register', {
      json: { displayName: 'Climber', loginId, password: 'long-enough-pw', lang: 'en', role: 'admin' },
    })
    expectRefused(reg, 400, 'invalid_body')
    expect(JSON.stringify(reg.error?.issues)).toContain('role')
    expect((await tableCounts(t)).users).toBe(before.users)
    expect((await call(t, 'POST', '/api/auth/login', { json: { loginId, password: 'long-enough-pw' } })).status).toBe(
      401,
    )

    const customer = await register(t, { displayName: 'Carla' })
    const advisor = await staff(t, 'advisor')
    const compliance = await staff(t, 'compliance')
    const admin = await staff(t, 'admin')

    for (const patch of [
      { role: 'admin' },
      { displayName: 'Carla Admin', role: 'admin' },
      { sid: 's_x', id: admin.id },
    ]) {
      expectRefused(await call(t, 'PATCH', '/api/me', { token: customer.token, json: patch }), 400, 'invalid_body')
    }
    const me = await call<AccountView>(t, 'GET', '/api/me', { token: customer.token })
    expect(me.body).toMatchObject({ role: 'customer', displayName: 'Carla' })

    const staffLogin = uniqueLogin('sneaky')
    const createBody = { displayName: 'Sneaky', loginId: staffLogin, password: 'long-enough-pw', role: 'admin' }
    expectRefused(
      await call(t, 'POST', '/api/admin/users', { token: customer.token, json: createBody }),
      403,
      'forbidden',
    )
    expectRefused(
      await call(t, 'POST', '/api/admin/users', { token: advisor.token, json: createBody }),
      403,
      'forbidden',
    )
    const exists = await t.server.services.db.db.selectFrom('users').select('id').where('login_id', '=', staffLogin)
    expect(await exists.execute()).toEqual([])

    expectRefused(
      await call(t, 'PATCH', `/api/admin/users/${customer.id}`, { token: advisor.token, json: { disabled: true } }),
      403,
      'forbidden',
    )
    expectRefused(
      await call(t, 'PATCH', `/api/admin/users/${advisor.id}`, { token: advisor.token, json: { role: 'admin' } }),
      403,
      'forbidden',
    )
    expectRefused(
      await call(t, 'PATCH', `/api/admin/users/${customer.id}`, { token: customer.token, json: { role: 'admin' } }),
      403,
      'forbidden',
    )
    expectRefused(
      await call(t, 'PATCH', `/api/admin/users/${customer.id}`, { token: admin.token, json: { role: 'admin' } }),
      400,
      'invalid_change',
    )
    expectRefused(
      await call(t, 'PATCH', `/api/admin/users/${customer.id}`, { token: admin.token, json: { role: 'customer' } }),
      400,
      'invalid_body',
    )
    expectRefused(
      await call(t, 'PATCH', `/api/admin/users/${admin.id}`, { token: admin.token, json: { role: 'advisor' } }),
      400,
      'invalid_change',
    )
    expectRefused(
      await call(t, 'POST', `/api/admin/users/${customer.id}/revoke-sessions`, { token: advisor.token, json: {} }),
      403,
      'forbidden',
    )
    expectRefused(await call(t, 'GET', '/api/admin/users', { token: compliance.token }), 403, 'forbidden')
    expectRefused(await call(t, 'GET', '/api/admin/users', { token: advisor.token }), 403, 'forbidden')
    expectRefused(await call(t, 'GET', '/api/audit', { token: customer.token }), 403, 'forbidden')
    expectRefused(await call(t, 'GET', '/api/audit', { token: admin.token }), 403, 'forbidden')
    expectRefused(await call(t, 'GET', '/api/audit/verify', { token: customer.token }), 403, 'forbidden')
    // staff accounts are closed by an admin, not by themselves
    expectRefused(
      await call(t, 'DELETE', '/api/me', { token: advisor.token, json: { password: advisor.password } }),
      403,
      'forbidden',
    )

    const rows = await t.server.services.db.db
      .selectFrom('users')
      .select(['id', 'role', 'disabled'])
      .where('id', 'in', [customer.id, advisor.id, admin.id])
      .execute()
    const byId = new Map(rows.map((r) => [r.id, r]))
    expect(byId.get(customer.id)).toMatchObject({ role: 'customer', disabled: 0 })
    expect(byId.get(advisor.id)).toMatchObject({ role: 'advisor', disabled: 0 })
    expect(byId.get(admin.id)).toMatchObject({ role: 'admin', disabled: 0 })
    const changes = await t.server.services.audit.query({ action: 'account.role_changed', limit: 10 })
    expect(changes).toEqual([])
    // the customer's session still works: refusals changed nothing
    expect((await call(t, 'GET', '/api/me', { token: customer.token })).status).toBe(200)
  })

  it('keeps script payloads as inert text in the API and in the branch room', async () => {
    const name = '<img src=x onerror=alert(1)>'
    const a = await register(t, { displayName: name })
    expect(a.displayName).toBe(name)
    const me = await call<AccountView>(t, 'GET', '/api/me', { token: a.token })
    expect(me.body.displayName).toBe(name)
    expect(me.text).toContain(JSON.stringify(name).slice(1, -1))
    expect(me.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(me.headers.get('x-content-type-options')).toBe('nosniff')
    expect(me.headers.get('content-security-policy')).toContain("script-src 'self'")
    const row = await t.server.services.db.db
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow()
    expect(row.display_name).toBe(name)

    const plan = await call<PlanView>(t, 'POST', '/api/me/plans', {
      token: a.token,
      json: { name: '<script>alert(document.cookie)</script>', data: { '<b>': '</textarea><svg onload=alert(1)>' } },
    })
    expect(plan.status).toBe(201)
    const plans = await call<PlanView[]>(t, 'GET', '/api/me/plans', { token: a.token })
    expect(plans.body[0]).toMatchObject({
      name: '<script>alert(document.cookie)</script>',
      data: { '<b>': '</textarea><svg onload=alert(1)>' },
    })

    const mallory = new Client(`ws://127.0.0.1:${t.port}`)
    mallory.auth.token = a.token
    const room = await mallory.joinOrCreate('branch', {}, BranchState)
    // pose frames and greetings are not what this test reads
    room.onMessage('*', () => undefined)
    const watcher = new Client(`ws://127.0.0.1:${t.port}`)
    watcher.auth.token = (await guest(t, 'Watcher')).token
    const view = await watcher.joinOrCreate('branch', {}, BranchState)
    view.onMessage('*', () => undefined)
    try {
      await vi.waitFor(() => expect(view.state.avatars?.get(room.sessionId)?.name).toBe(name))
      expect(view.state.avatars.get(room.sessionId)?.id).toBe(a.id)
      const heard: ChatLine[] = []
      view.onMessage('chat', (l: ChatLine) => heard.push(l))
      const text = '<script>alert("x")</script> &lt;b&gt; <b>bold</b>'
      room.send('chat', { text })
      await vi.waitFor(() => expect(heard).toHaveLength(1))
      expect(heard[0]).toMatchObject({ from: a.id, name, text })
    } finally {
      await view.leave()
      await room.leave()
    }
  })

  it('refuses oversized, malformed, mistyped and misrouted requests without changing anything', async () => {
    const a = await register(t, { displayName: 'Steady' })
    const before = await tableCounts(t)
    const reg = (extra: Record<string, unknown> = {}) =>
      JSON.stringify({
        displayName: 'Big',
        loginId: uniqueLogin('big'),
        password: 'long-enough-pw',
        lang: 'en',
        ...extra,
      })

    // too large, by declared length
    expectRefused(
      await call(t, 'POST', '/api/auth/register', { raw: reg({ pad: 'x'.repeat(8000) }) }),
      413,
      'payload_too_large',
    )
    expectRefused(
      await call(t, 'PATCH', '/api/me', { token: a.token, raw: JSON.stringify({ displayName: 'y'.repeat(5000) }) }),
      413,
      'payload_too_large',
    )
    // plans allow 40 kB; beyond that is refused too
    expectRefused(
      await call(t, 'POST', '/api/me/plans', {
        token: a.token,
        json: { name: 'big', data: { x: 'z'.repeat(41_000) } },
      }),
      413,
      'payload_too_large',
    )
    // too large, chunked (no Content-Length to trust)
    const chunked = await chunkedPost(t, '/api/auth/register', [reg().slice(0, -1), `,"pad":"${'x'.repeat(6000)}"}`])
    expect(chunked.status).toBe(413)
    expect(chunked.body).toContain('payload_too_large')
    const chunkedMe = await chunkedPost(
      t,
      '/api/me/plans',
      ['{"name":"c","data":{"x":"', 'q'.repeat(50_000), '"}}'],
      a.token,
    )
    expect(chunkedMe.status).toBe(413)
    // a small chunked body is fine (the limit is on size, not on the framing)
    const smallChunked = await chunkedPost(t, '/api/me/plans', ['{"name":"chunk', 'ed","data":{}}'], a.token)
    expect(smallChunked.status).toBe(201)

    // malformed JSON
    for (const raw of ['{nope', '{"displayName": "x",}', '', '\u0000', 'null'.slice(0, 3), '{"a":1}{"b":2}']) {
      expectRefused(await call(t, 'PATCH', '/api/me', { token: a.token, raw }), 400, 'invalid_json')
    }
    expectRefused(await call(t, 'POST', '/api/auth/login', { raw: '[' }), 400, 'invalid_json')
    // valid JSON of the wrong shape
    for (const raw of ['null', '[]', '"x"', '42', '{"displayName":42}']) {
      expectRefused(await call(t, 'PATCH', '/api/me', { token: a.token, raw }), 400, 'invalid_body')
    }
    // wrong content type
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'text/json',
    ]) {
      expectRefused(await call(t, 'POST', '/api/auth/login', { raw: '{}', type }), 415, 'unsupported_media_type')
      expectRefused(await call(t, 'PATCH', '/api/me', { token: a.token, raw: '{"lang":"zh-CN"}', type }), 415)
    }
    const noType = await fetch(`${t.url}/api/auth/login`, { method: 'POST', body: new Uint8Array([123, 125]) })
    expect(noType.status).toBe(415)
    // unknown fields
    expectRefused(await call(t, 'POST', '/api/auth/register', { raw: reg({ isAdmin: true }) }), 400, 'invalid_body')
    expectRefused(
      await call(t, 'PUT', '/api/me/profile', {
        token: a.token,
        json: { answers: {}, goals: '', owner: 'u_other0000' },
      }),
      400,
      'invalid_body',
    )
    expectRefused(
      await call(t, 'POST', '/api/me/plans', { token: a.token, json: { name: 'p', data: {}, userId: 'u_x' } }),
      400,
      'invalid_body',
    )
    expectRefused(
      await call(t, 'PUT', '/api/me/consents', {
        token: a.token,
        json: { purpose: 'marketing', granted: true, version: 1, userId: 'u_x' },
      }),
      400,
      'invalid_body',
    )
    expectRefused(
      await call(t, 'POST', '/api/auth/refresh', { cookie: a.cookie, json: { sid: 'x' } }),
      400,
      'invalid_body',
    )
    // unknown query parameters
    const admin = await staff(t, 'admin')
    expectRefused(await call(t, 'GET', '/api/admin/users?evil=1', { token: admin.token }), 400, 'invalid_query')
    // wrong methods
    const wrong: [string, string, string][] = [
      ['GET', '/api/auth/login', 'POST'],
      ['PUT', '/api/auth/register', 'POST'],
      ['PUT', '/api/me', 'GET, PATCH, DELETE'],
      ['POST', '/api/me', 'GET, PATCH, DELETE'],
      ['DELETE', '/api/admin/users', 'GET, POST'],
      ['PATCH', '/api/audit', 'GET'],
      ['GET', `/api/me/plans/p_abcdefgh`, 'DELETE'],
    ]
    for (const [method, path, allow] of wrong) {
      const r = await call(t, method, path, { token: a.token })
      expectRefused(r, 405, 'method_not_allowed')
      expect(r.headers.get('allow')).toBe(allow)
    }
    // an unknown method on a known path is refused as well (not routed elsewhere)
    expect((await call(t, 'OPTIONS', '/api/me', { token: a.token })).status).toBe(405)

    const after = await tableCounts(t)
    // only the one small chunked plan and the admin (with its sign-in) were written
    expect(after.users).toBe(before.users + 1)
    expect(after.plans).toBe(before.plans + 1)
    expect(after.profiles).toBe(before.profiles)
    expect(after.consents).toBe(before.consents)
    const me = await call<AccountView>(t, 'GET', '/api/me', { token: a.token })
    expect(me.body).toMatchObject({ displayName: 'Steady', lang: 'en' })
  })
})

/** POSTs a body with Transfer-Encoding: chunked (no Content-Length) and reads the answer. */
function chunkedPost(
  t: TestServer,
  path: string,
  chunks: string[],
  token?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }
    if (token) headers.authorization = `Bearer ${token}`
    const req = request({ host: '127.0.0.1', port: t.port, path, method: 'POST', headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    // the server may answer 413 and stop reading before the last chunk; that is not a client failure
    req.on('error', (e: NodeJS.ErrnoException) =>
      e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e),
    )
    for (const c of chunks) req.write(c)
    req.end()
  })
}

/** Strings that break naive SQL, LIKE patterns and C strings. */
const INJECTIONS = [
  `'; DROP TABLE users; --`,
  `" OR 1=1 --`,
  `' OR '1'='1`,
  `Robert'); DROP TABLE plans;--`,
  `1; DELETE FROM audit WHERE 1=1`,
  `\\'; SELECT pg_sleep(5); --`,
  `%_`,
  `%`,
  `$1 $$ \\x00 /* */`,
]

/** NUL and other control characters: PostgreSQL text cannot hold NUL, SQLite can. */
const CONTROL = [`\u0000`, `x\u0000y`, `tab\there\r\nnext`, `\u202eevil`]

describe.each(DIALECTS)('injection and IDOR on %s', (kind) => {
  let t: TestServer & { stop(): Promise<void> }
  let victim: Account

  beforeAll(async () => {
    t = await startOn(kind)
    victim = await register(t, { displayName: 'Vera Victim' })
    const p = await call(t, 'POST', '/api/me/plans', {
      token: victim.token,
      json: { name: 'Vera plan', data: { a: 1 } },
    })
    expect(p.status).toBe(201)
  })
  afterAll(async () => {
    await t.stop()
  })

  /** 400 (refused by validation), or success with the value stored exactly as the validator documents it. */
  function expectSafe(r: ApiResult<unknown>, what: string): boolean {
    expect(r.status, `${what}: ${r.text}`).not.toBe(500)
    if (r.status === 400) {
      expect(['invalid_body', 'invalid_query'], what).toContain(r.error?.code)
      return false
    }
    expect(r.status, `${what}: ${r.text}`).toBeLessThan(300)
    return true
  }

  interface Actors {
    me: Account
    admin: Account
    compliance: Account
    advisor: Account
  }

  /**
   * Sends `s` through every text field: display name, login id, password, plan name and content, profile goals,
   * audit filters, admin search and path parameters. Returns how many accounts it registered.
   */
  async function probe(s: string, { me, admin, compliance, advisor }: Actors, exactSearch = true): Promise<number> {
    let registered = 0
    const what = JSON.stringify(s)
    // display name (at registration and in a change)
    const loginId = uniqueLogin('inj')
    const reg = await call<{ user: AccountView; accessToken: string }>(t, 'POST', '/api/auth/register', {
      json: { displayName: s, loginId, password: 'long-enough-pw', lang: 'en' },
    })
    if (expectSafe(reg, `register displayName ${what}`)) {
      registered += 1
      expect(reg.body.user.displayName).toBe(cleanText(s))
      const row = await t.server.services.accounts.get(reg.body.user.id)
      expect(row?.display_name).toBe(cleanText(s))
    }
    const patch = await call<AccountView>(t, 'PATCH', '/api/me', { token: me.token, json: { displayName: s } })
    if (expectSafe(patch, `patch displayName ${what}`)) expect(patch.body.displayName).toBe(cleanText(s))

    // login id: refused unless it is a well-formed address, and never matched as a pattern
    const asLogin = await call(t, 'POST', '/api/auth/login', { json: { loginId: s, password: 'long-enough-pw' } })
    expect(asLogin.status, what).toBe(400)
    const asRegister = await call(t, 'POST', '/api/auth/register', {
      json: { displayName: 'L', loginId: s, password: 'long-enough-pw', lang: 'en' },
    })
    expect(asRegister.status, what).toBe(400)

    // password: any string is just a password (hashed, never stored or compared in SQL)
    const pw = `${s}-padding-to-ten`
    const pwLogin = uniqueLogin('pw')
    const pwReg = await call(t, 'POST', '/api/auth/register', {
      json: { displayName: 'P', loginId: pwLogin, password: pw, lang: 'en' },
    })
    if (expectSafe(pwReg, `password ${what}`)) {
      registered += 1
      const back = await call(t, 'POST', '/api/auth/login', { json: { loginId: pwLogin, password: pw } })
      expect(back.status, what).toBe(200)
    }
    const guess = await call(t, 'POST', '/api/auth/login', { json: { loginId: victim.loginId, password: s } })
    expect([400, 401], what).toContain(guess.status)

    // plan name and plan content
    const plan = await call<PlanView>(t, 'POST', '/api/me/plans', {
      token: me.token,
      json: { name: s, data: { [s]: s } },
    })
    if (expectSafe(plan, `plan name ${what}`)) {
      expect(plan.body.name).toBe(cleanText(s))
      const stored = await t.server.services.db.db
        .selectFrom('plans')
        .select(['name', 'data', 'user_id'])
        .where('id', '=', plan.body.id)
        .executeTakeFirstOrThrow()
      expect(stored).toEqual({ name: cleanText(s), data: JSON.stringify({ [s]: s }), user_id: me.id })
      expect((await call(t, 'DELETE', `/api/me/plans/${plan.body.id}`, { token: me.token })).status).toBe(204)
    }

    // profile goals and answer keys
    const profile = await call<{ goals: string }>(t, 'PUT', '/api/me/profile', {
      token: me.token,
      json: { answers: { [s.slice(0, 32)]: 1 }, goals: s },
    })
    if (expectSafe(profile, `goals ${what}`)) {
      const got = await call<{ goals: string; answers: Record<string, number> }>(t, 'GET', '/api/me/profile', {
        token: me.token,
      })
      expect(got.body.goals).toBe(cleanMultiline(s))
      expect(got.body.answers).toEqual({ [s.slice(0, 32)]: 1 })
    }

    // audit filters
    const q = (params: Record<string, string>) => `/api/audit?${new URLSearchParams(params).toString()}`
    for (const field of ['actor', 'subject']) {
      const r = await call<{ entries: AuditEntryView[] }>(t, 'GET', q({ [field]: s }), { token: compliance.token })
      if (expectSafe(r, `audit ${field} ${what}`)) expect(r.body.entries).toEqual([])
    }
    for (const field of ['action', 'from', 'to', 'before', 'limit']) {
      expect((await call(t, 'GET', q({ [field]: s }), { token: compliance.token })).status, `${field} ${what}`).toBe(
        400,
      )
    }

    // admin search
    const search = await call<{ users: AccountView[]; total: number }>(
      t,
      'GET',
      `/api/admin/users?${new URLSearchParams({ q: s })}`,
      {
        token: admin.token,
      },
    )
    if (expectSafe(search, `search ${what}`) && exactSearch) {
      const needle = cleanText(s)
        .replace(/[\\%_]/g, '')
        .toLowerCase()
      for (const u of search.body.users) {
        const hay = `${u.displayName}\n${u.loginId}`.toLowerCase()
        expect(hay.includes(needle) || u.id === s, `${what} matched ${u.displayName}`).toBe(true)
      }
    }
    for (const field of ['role', 'limit', 'offset']) {
      const r = await call(t, 'GET', `/api/admin/users?${new URLSearchParams({ [field]: s })}`, {
        token: admin.token,
      })
      expect(r.status, `${field} ${what}`).toBe(400)
    }

    // path parameters never name anything
    const enc = encodeURIComponent(s)
    expectRefused(await call(t, 'DELETE', `/api/me/plans/${enc}`, { token: me.token }), 404, 'not_found')
    expectRefused(await call(t, 'DELETE', `/api/me/plans/p_${enc}`, { token: me.token }), 404, 'not_found')
    expectRefused(await call(t, 'GET', `/api/customers/u_${enc}`, { token: advisor.token }), 404, 'not_found')
    expectRefused(
      await call(t, 'PATCH', `/api/admin/users/u_${enc}`, { token: admin.token, json: { disabled: true } }),
      404,
      'not_found',
    )
    expectRefused(
      await call(t, 'POST', `/api/admin/users/${enc}/revoke-sessions`, { token: admin.token, json: {} }),
      404,
      'not_found',
    )
    return registered
  }

  it('treats SQL injection strings in every text field as data', async () => {
    const before = await tableCounts(t)
    const admin = await staff(t, 'admin')
    const compliance = await staff(t, 'compliance')
    const advisor = await staff(t, 'advisor')
    const me = await register(t, { displayName: 'Ivan Injector' })
    let registered = 1
    const staffCount = 3

    for (const s of INJECTIONS) registered += await probe(s, { me, admin, compliance, advisor })

    // a well-formed address full of SQL is a login id like any other, matched exactly
    const sqlLogin = `'or'1'='1'--@example.com`
    const tricky = await register(t, { loginId: sqlLogin, password: 'tricky-password' })
    registered += 1
    expect(tricky.loginId).toBe(sqlLogin)
    expect(
      (await call(t, 'POST', '/api/auth/login', { json: { loginId: sqlLogin, password: 'tricky-password' } })).status,
    ).toBe(200)
    expect(
      (await call(t, 'POST', '/api/auth/login', { json: { loginId: sqlLogin, password: `' OR '1'='1` } })).status,
    ).toBe(401)
    const wild = await register(t, { loginId: '%_@example.com', password: 'wildcard-password' })
    registered += 1
    expect(wild.loginId).toBe('%_@example.com')
    // no LIKE in sign-in: a pattern that would match the address does not
    expect(
      (await call(t, 'POST', '/api/auth/login', { json: { loginId: '%@example.com', password: 'wildcard-password' } }))
        .status,
    ).toBe(401)
    expect(
      (await call(t, 'POST', '/api/auth/login', { json: { loginId: '__@example.com', password: 'wildcard-password' } }))
        .status,
    ).toBe(401)

    // every table is still there, with exactly the rows the accepted requests wrote
    const after = await tableCounts(t)
    expect(after.users).toBe(before.users + staffCount + registered)
    expect(after.plans).toBe(before.plans)
    expect(after.audit).toBeGreaterThan(before.audit)
    expect((await t.server.services.audit.verify()).ok).toBe(true)
    const still = await login(t, victim.loginId, victim.password)
    const plans = await call<PlanView[]>(t, 'GET', '/api/me/plans', { token: still.token })
    expect(plans.body.map((p) => p.name)).toEqual(['Vera plan'])
  })

  it('refuses or stores control characters, never failing with a server error', async () => {
    const who = {
      me: await register(t, { displayName: 'Nina Nul' }),
      admin: await staff(t, 'admin'),
      compliance: await staff(t, 'compliance'),
      advisor: await staff(t, 'advisor'),
    }
    // the search pattern is not compared here: SQLite's LIKE stops at a NUL, which only widens an admin's search
    for (const s of CONTROL) await probe(s, who, false)
    // a NUL inside an otherwise well-formed address
    const nulLogin = `nul\u0000${uniqueLogin('x')}`
    const reg = await call<{ user: AccountView }>(t, 'POST', '/api/auth/register', {
      json: { displayName: 'N', loginId: nulLogin, password: 'long-enough-pw', lang: 'en' },
    })
    if (expectSafe(reg, 'NUL in login id')) expect(reg.body.user.loginId).toBe(nulLogin)
    const signIn = await call(t, 'POST', '/api/auth/login', { json: { loginId: nulLogin, password: 'long-enough-pw' } })
    expect(signIn.status, signIn.text).toBe(reg.status === 201 ? 200 : 400)
    expect((await t.server.services.audit.verify()).ok).toBe(true)
  })

  it("keeps one customer's data from every other caller", async () => {
    const owner = await register(t, { displayName: 'Olga Owner' })
    const intruder = await register(t, { displayName: 'Ingo Intruder' })
    const advisor = await staff(t, 'advisor')
    const planName = `Olga secret plan ${kind}`
    const goals = 'Olga wants a quiet house by the sea'
    const plan = await call<PlanView>(t, 'POST', '/api/me/plans', {
      token: owner.token,
      json: { name: planName, data: { y: 3 } },
    })
    expect(plan.status).toBe(201)
    expect(
      (await call(t, 'PUT', '/api/me/profile', { token: owner.token, json: { answers: { q1: 2 }, goals } })).status,
    ).toBe(200)
    const secrets = [owner.loginId, planName, goals, plan.body.id]

    // another customer cannot delete it (and is not told it exists)
    const del = await call(t, 'DELETE', `/api/me/plans/${plan.body.id}`, { token: intruder.token })
    expectRefused(del, 404, 'not_found', secrets)
    const ownPlans = await call<PlanView[]>(t, 'GET', '/api/me/plans', { token: owner.token })
    expect(ownPlans.body.map((p) => p.id)).toEqual([plan.body.id])

    // nor read it through any endpoint
    const reads: [string, string, number][] = [
      ['GET', `/api/customers/${owner.id}`, 403],
      ['GET', `/api/customers/${owner.id}?purpose=complaint`, 403],
      ['GET', `/api/admin/users?q=${encodeURIComponent(owner.loginId)}`, 403],
      ['GET', `/api/audit?subject=${owner.id}`, 403],
      ['GET', '/api/audit/verify', 403],
      ['GET', '/api/me', 200],
      ['GET', '/api/me/plans', 200],
      ['GET', '/api/me/profile', 404],
      ['GET', '/api/me/consents', 200],
      ['GET', '/api/me/sessions', 200],
      ['GET', '/api/me/export', 200],
    ]
    for (const [method, path, status] of reads) {
      const r = await call(t, method, path, { token: intruder.token })
      expect(r.status, path).toBe(status)
      for (const s of [...secrets, owner.id, 'Olga Owner']) expect(r.text, path).not.toContain(s)
    }
    // a customer reading someone else is refused without an audit entry naming them as a reader of staff data
    const customerReads = await t.server.services.audit.query({ action: 'customer.read', actor: intruder.id, limit: 5 })
    expect(customerReads).toEqual([])

    const readsOf = async () =>
      (await t.server.services.audit.query({ action: 'customer.read', subject: owner.id, limit: 50 })).filter(
        (e) => e.actorId === advisor.id,
      )

    // the advisor without consent: refused, and the refusal is on the record
    const refused = await call(t, 'GET', `/api/customers/${owner.id}`, { token: advisor.token })
    expectRefused(refused, 403, 'forbidden', [...secrets, 'Olga Owner'])
    let trail = await readsOf()
    expect(trail).toHaveLength(1)
    expect(trail[0]?.detail).toMatchObject({ allowed: false, reason: 'no_consent', purpose: 'advice' })

    // with consent: the record, without the login id, audited
    const version = CONSENT_TEXTS.share_with_advisor.version
    const grant = await call(t, 'PUT', '/api/me/consents', {
      token: owner.token,
      json: { purpose: 'share_with_advisor', granted: true, version },
    })
    expect(grant.status).toBe(200)
    const allowed = await call<{
      customer: { id: string; displayName: string }
      plans: PlanView[]
      profile: { goals: string }
    }>(t, 'GET', `/api/customers/${owner.id}?purpose=suitability_review`, { token: advisor.token })
    expect(allowed.status).toBe(200)
    expect(allowed.body.customer).toEqual({ id: owner.id, displayName: 'Olga Owner' })
    expect(allowed.body.plans.map((p) => p.name)).toEqual([planName])
    expect(allowed.body.profile.goals).toBe(goals)
    expect(allowed.text).not.toContain(owner.loginId)
    expect(allowed.text).not.toContain('login')
    expect(allowed.text).not.toContain('scrypt')
    trail = await readsOf()
    expect(trail).toHaveLength(2)
    expect(trail[0]?.detail).toMatchObject({ allowed: true, basis: 'consent', purpose: 'suitability_review' })

    // consent does not extend to another customer
    expectRefused(await call(t, 'GET', `/api/customers/${intruder.id}`, { token: advisor.token }), 403, 'forbidden')
    // nor does it let the intruder in
    expectRefused(
      await call(t, 'GET', `/api/customers/${owner.id}`, { token: intruder.token }),
      403,
      'forbidden',
      secrets,
    )

    // withdrawn: refused at once
    const withdraw = await call(t, 'PUT', '/api/me/consents', {
      token: owner.token,
      json: { purpose: 'share_with_advisor', granted: false, version },
    })
    expect(withdraw.status).toBe(200)
    expectRefused(
      await call(t, 'GET', `/api/customers/${owner.id}`, { token: advisor.token }),
      403,
      'forbidden',
      secrets,
    )
    trail = await readsOf()
    expect(trail).toHaveLength(3)
    expect(trail[0]?.detail).toMatchObject({ allowed: false, reason: 'no_consent' })
    // a staff account is not a customer record
    expectRefused(await call(t, 'GET', `/api/customers/${advisor.id}`, { token: advisor.token }), 404, 'not_found')
    expect((await t.server.services.audit.verify()).ok).toBe(true)
  })
})

describe('sign-in rate limiting (default limits)', () => {
  let t: TestServer

  beforeAll(async () => {
    t = await startServer()
    expect(t.server.services.limiter.limits).toEqual(DEFAULT_LIMITS)
  })
  afterAll(async () => {
    vi.restoreAllMocks()
    await t.server.close()
  })

  it('locks an account after five failures a minute and backs off further after more', async () => {
    const a = await register(t)
    const attempt = (password: string) => call(t, 'POST', '/api/auth/login', { json: { loginId: a.loginId, password } })
    for (let i = 0; i < DEFAULT_LIMITS.loginPerMinute; i++) {
      expectRefused(await attempt('wrong-password'), 401, 'invalid_credentials')
    }
    // the sixth attempt within the minute is refused before the password is checked, even the right one
    const locked = await attempt(a.password)
    expectRefused(locked, 429, 'rate_limited', [a.loginId])
    const first = Number(locked.headers.get('retry-after'))
    expect(first).toBeGreaterThan(0)
    expect(first).toBeLessThanOrEqual(30)
    expectRefused(await attempt('wrong-password'), 429, 'rate_limited')

    // let time pass (the lock and the per-minute windows run on Date.now)
    const realNow = Date.now.bind(Date)
    let offset = 0
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() + offset)
    /** Moves the clock on by at least `seconds`, to 1 s into a fresh one-minute window (so no window ends mid-step). */
    const pass = (seconds: number) => {
      offset += seconds * 1000
      offset += 61_000 - ((realNow() + offset) % 60_000)
    }
    pass(30)
    expectRefused(await attempt('wrong-password'), 401, 'invalid_credentials')
    const second = await attempt(a.password)
    expectRefused(second, 429, 'rate_limited')
    const secondWait = Number(second.headers.get('retry-after'))
    expect(secondWait).toBeGreaterThan(first)
    expect(secondWait).toBeGreaterThan(30)
    expect(secondWait).toBeLessThanOrEqual(60)

    pass(60)
    expectRefused(await attempt('wrong-password'), 401, 'invalid_credentials')
    const third = await attempt('wrong-password')
    expectRefused(third, 429, 'rate_limited')
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(secondWait)

    // after the back-off the right password works, and success clears the failure count
    pass(120)
    const ok = await attempt(a.password)
    expect(ok.status).toBe(200)
    expectRefused(await attempt('wrong-password'), 401, 'invalid_credentials')
    expect((await attempt(a.password)).status).toBe(200)

    // the per-address window: many different accounts from one address are limited too
    pass(0)
    const statuses: number[] = []
    for (let i = 0; i < 7; i++) {
      statuses.push(
        (await call(t, 'POST', '/api/auth/login', { json: { loginId: uniqueLogin('probe'), password: 'x' } })).status,
      )
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401])
    expect(statuses.slice(5)).toEqual([429, 429])
    // the audit trail never holds the probed login ids
    const failures = await t.server.services.audit.query({ action: 'auth.login_failed', limit: 50 })
    expect(JSON.stringify(failures)).not.toContain('probe.')
    vi.restoreAllMocks()
  })
})

import { request } from 'node:http'

import { BranchState, type AccountView, type ChatLine, type PlanView } from '@atrium/common'
import { Client } from 'colyseus.js'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { call, register, staff, startOn, tableCounts, uniqueLogin } from './accountHelpers.ts'
import { expectRefused, SECRET } from './attackHelpers.ts'
import { guest, type TestServer } from './helpers.ts'

describe('attacks on sessions, roles and requests (SQLite)', () => {
  let t: TestServer

  beforeAll(async () => {
    t = await startOn('sqlite', { secret: SECRET })
  })
  afterAll(async () => {
    await t.server.close()
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

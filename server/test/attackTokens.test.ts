import { BranchState } from '@atrium/common'
import { Client } from 'colyseus.js'
import { SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { call, login, register, staff, startOn } from './accountHelpers.ts'
import { expectRefused, SECRET } from './attackHelpers.ts'
import { guest, type TestServer } from './helpers.ts'

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
})

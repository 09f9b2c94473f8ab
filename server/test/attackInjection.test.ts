import { cleanMultiline, cleanText, type AccountView, type AuditEntryView, type PlanView } from '@atrium/common'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

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
import { expectRefused } from './attackHelpers.ts'
import { DIALECTS } from './db.ts'
import type { TestServer } from './helpers.ts'

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
})

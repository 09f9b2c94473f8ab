import { CONSENT_TEXTS, type AuditAction, type DataExport, type PlanView } from '@atrium/common'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DELETED_NAME } from '../src/services/accounts/AccountService.ts'
import { call, login, register, rowsOf, staff, startOn, uniqueLogin, type Account } from './accountHelpers.ts'
import { SCHEMA_TABLES as TABLES } from './db.ts'
import { DIALECTS } from './db.ts'
import type { TestServer } from './helpers.ts'

const SHARE = { purpose: 'share_with_advisor', version: CONSENT_TEXTS.share_with_advisor.version } as const
const MARKETING = { purpose: 'marketing', version: CONSENT_TEXTS.marketing.version } as const

/** A customer with something distinctive in every field the branch keeps. */
interface Person {
  account: Account
  goals: string
  planNames: string[]
  /** Everything personal, for scans. */
  personal: string[]
}

describe.each(DIALECTS)('privacy rights on %s', (kind) => {
  let t: TestServer & { stop(): Promise<void> }
  let advisor: Account

  beforeAll(async () => {
    t = await startOn(kind)
    advisor = await staff(t, 'advisor', 'Adele Advisor')
  })
  afterAll(async () => {
    await t.stop()
  })

  const db = () => t.server.services.db.db

  /** Registers a customer and fills profile, plans and consents with text unique to `tag`. */
  async function person(tag: string, displayName: string): Promise<Person> {
    const account = await register(t, { loginId: uniqueLogin(tag), displayName })
    const goals = `${tag} wants a lighthouse on Dongji island 东极岛 ${tag}`
    const planNames = [`${tag} lighthouse fund`, `${tag} kayak savings`]
    const put = await call(t, 'PUT', '/api/me/profile', {
      token: account.token,
      json: { answers: { horizon: 3, loss: 1 }, goals },
    })
    expect(put.status).toBe(200)
    for (const name of planNames) {
      const r = await call(t, 'POST', '/api/me/plans', {
        token: account.token,
        json: { name, data: { tag, rate: 0.03 } },
      })
      expect(r.status).toBe(201)
    }
    for (const c of [
      { ...SHARE, granted: true },
      { ...MARKETING, granted: true },
      { ...MARKETING, granted: false },
    ]) {
      expect((await call(t, 'PUT', '/api/me/consents', { token: account.token, json: c })).status).toBe(200)
    }
    return { account, goals, planNames, personal: [account.loginId, displayName, goals, ...planNames] }
  }

  /** Every row of every table, as one string per table. */
  async function dump(): Promise<Record<string, string>> {
    const out: Record<string, string> = {}
    for (const table of TABLES) out[table] = JSON.stringify(await rowsOf(t, table))
    return out
  }

  it('exports everything about the customer and nothing about anyone else', async () => {
    const a = await person('zephyrine', 'Zephyrine Quillfeather')
    const b = await person('bartholomew', 'Bartholomew Quux')
    // a second sign-in, a refresh, a failed sign-in and an advisor's read: all about A
    const again = await login(t, a.account.loginId, a.account.password)
    expect((await call(t, 'POST', '/api/auth/refresh', { cookie: again.cookie, json: {} })).status).toBe(200)
    const failed = await call(t, 'POST', '/api/auth/login', {
      json: { loginId: a.account.loginId, password: 'not-the-password' },
    })
    expect(failed.status).toBe(401)
    expect((await call(t, 'GET', `/api/customers/${a.account.id}`, { token: advisor.token })).status).toBe(200)
    expect((await call(t, 'GET', `/api/customers/${b.account.id}`, { token: advisor.token })).status).toBe(200)

    const res = await call<DataExport>(t, 'GET', '/api/me/export', { token: a.account.token })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain('attachment')
    expect(res.headers.get('cache-control')).toBe('no-store')
    const x = res.body

    // the account, including the login id, but never the password hash
    expect(x.account).toMatchObject({
      id: a.account.id,
      login_id: a.account.loginId,
      display_name: 'Zephyrine Quillfeather',
      role: 'customer',
    })
    expect(Object.keys(x.account)).not.toContain('password_hash')
    const hash = await db()
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', a.account.id)
      .executeTakeFirstOrThrow()
    expect(hash.password_hash).toMatch(/^scrypt\$/)
    expect(res.text).not.toContain(hash.password_hash ?? 'never')
    expect(res.text).not.toContain('scrypt$')
    expect(res.text).not.toContain(a.account.password)

    expect(x.profile).toMatchObject({ goals: a.goals, answers: { horizon: 3, loss: 1 } })
    expect(x.plans.map((p) => p.name)).toEqual(a.planNames)
    expect(x.plans[0]?.data).toEqual({ tag: 'zephyrine', rate: 0.03 })
    expect(x.consents.map((c) => [c.purpose, c.granted, c.version])).toEqual([
      ['share_with_advisor', true, SHARE.version],
      ['marketing', true, 1],
      ['marketing', false, 1],
    ])
    const sessions = await db().selectFrom('sessions').select('id').where('user_id', '=', a.account.id).execute()
    expect(sessions).toHaveLength(2)
    expect(x.sessions.map((s) => s.id).sort()).toEqual(sessions.map((s) => s.id).sort())

    // the audit trail: every entry about them, and only those
    const about = await db()
      .selectFrom('audit')
      .select('seq')
      .where((eb) => eb.or([eb('subject_id', '=', a.account.id), eb('actor_id', '=', a.account.id)]))
      .orderBy('seq')
      .execute()
    expect(x.audit.map((e) => e.seq)).toEqual(about.map((r) => Number(r.seq)))
    for (const e of x.audit) expect(e.subjectId === a.account.id || e.actorId === a.account.id).toBe(true)
    const actions = new Set(x.audit.map((e) => e.action))
    const expected: AuditAction[] = [
      'auth.register',
      'auth.login',
      'auth.login_failed',
      'consent.granted',
      'consent.withdrawn',
      'customer.read',
      'account.exported',
    ]
    for (const action of expected) expect(actions, action).toContain(action)
    const read = x.audit.find((e) => e.action === 'customer.read')
    expect(read).toMatchObject({ actorId: advisor.id, subjectId: a.account.id, detail: { allowed: true } })

    // nothing about the other customer, nor the advisor's personal data
    for (const s of [b.account.id, ...b.personal, 'bartholomew', advisor.loginId, 'Adele Advisor']) {
      expect(res.text, s).not.toContain(s)
    }
    // and the other way round
    const bx = await call(t, 'GET', '/api/me/export', { token: b.account.token })
    expect(bx.status).toBe(200)
    for (const s of [a.account.id, ...a.personal, 'zephyrine']) expect(bx.text, s).not.toContain(s)
    expect(bx.text).toContain(b.account.loginId)
    // staff export their own account data too, without customer data
    const sx = await call<DataExport>(t, 'GET', '/api/me/export', { token: advisor.token })
    expect(sx.status).toBe(200)
    expect(sx.body.account).toMatchObject({ id: advisor.id, login_id: advisor.loginId })
    for (const s of [...a.personal, ...b.personal]) expect(sx.text, s).not.toContain(s)
  })

  it('erases every personal field on deletion and keeps only pseudonymous records', async () => {
    const c = await person('cornelius', 'Cornelius Wobblethorpe')
    const other = await person('dorothea', 'Dorothea Fenwick')
    const second = await login(t, c.account.loginId, c.account.password)
    expect((await call(t, 'GET', `/api/customers/${c.account.id}`, { token: advisor.token })).status).toBe(200)

    // before: the personal data is there to be found (so the scan below can find it)
    const before = await dump()
    for (const s of c.personal) expect(Object.values(before).join('\n')).toContain(s)
    const consentRows = (await db().selectFrom('consents').selectAll().where('user_id', '=', c.account.id).execute())
      .length
    const auditBefore = (await db().selectFrom('audit').select('seq').where('subject_id', '=', c.account.id).execute())
      .length

    // the password must confirm the request
    const wrong = await call(t, 'DELETE', '/api/me', { token: c.account.token, json: { password: 'not-it-at-all' } })
    expect(wrong.status).toBe(401)
    expect(wrong.error?.code).toBe('invalid_credentials')
    expect((await call(t, 'GET', '/api/me', { token: c.account.token })).status).toBe(200)
    expect((await call(t, 'DELETE', '/api/me', { token: c.account.token, json: {} })).status).toBe(400)

    const del = await call(t, 'DELETE', '/api/me', { token: c.account.token, json: { password: c.account.password } })
    expect(del.status).toBe(204)
    expect(del.refreshCookie).toBe('atrium_rt=')

    // no personal field remains anywhere in the database
    const after = await dump()
    for (const [table, text] of Object.entries(after)) {
      for (const s of c.personal) {
        expect(text.includes(s), `${table} still holds ${s}`).toBe(false)
        expect(text.toLowerCase().includes(s.toLowerCase()), `${table} still holds ${s}`).toBe(false)
      }
      expect(text, table).not.toContain('cornelius')
      expect(text, table).not.toContain('Wobblethorpe')
    }
    const user = await db().selectFrom('users').selectAll().where('id', '=', c.account.id).executeTakeFirstOrThrow()
    expect(user).toMatchObject({ login_id: null, display_name: DELETED_NAME, password_hash: null, disabled: 1 })
    expect(user.deleted_at).toBeGreaterThan(0)
    expect(await db().selectFrom('plans').selectAll().where('user_id', '=', c.account.id).execute()).toEqual([])
    expect(await db().selectFrom('profiles').selectAll().where('user_id', '=', c.account.id).execute()).toEqual([])
    const sessions = await db().selectFrom('sessions').selectAll().where('user_id', '=', c.account.id).execute()
    expect(sessions).toHaveLength(2)
    for (const s of sessions) expect(s).toMatchObject({ end_reason: 'deleted' })

    // consent history and the audit trail stay, naming only the id
    const consents = await db().selectFrom('consents').selectAll().where('user_id', '=', c.account.id).execute()
    expect(consents).toHaveLength(consentRows)
    const trail = await t.server.services.audit.query({ subject: c.account.id, limit: 500 })
    expect(trail.length).toBeGreaterThan(auditBefore)
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['account.deleted', 'consent.granted']))
    expect((await t.server.services.audit.verify()).ok).toBe(true)

    // every way back in is closed
    for (const token of [c.account.token, second.token]) {
      const me = await call(t, 'GET', '/api/me', { token })
      expect(me.status).toBe(401)
      expect(me.error?.code).toBe('session_ended')
    }
    for (const cookie of [c.account.cookie, second.cookie]) {
      expect((await call(t, 'POST', '/api/auth/refresh', { cookie, json: {} })).status).toBe(401)
    }
    const signIn = await call(t, 'POST', '/api/auth/login', {
      json: { loginId: c.account.loginId, password: c.account.password },
    })
    expect(signIn.status).toBe(401)
    expect(signIn.error?.code).toBe('invalid_credentials')
    // staff can no longer open the record, even though the consent row is still on file
    expect((await call(t, 'GET', `/api/customers/${c.account.id}`, { token: advisor.token })).status).toBe(404)

    // the login id is free again, for a new account that inherits nothing
    const reborn = await register(t, { loginId: c.account.loginId, password: c.account.password })
    expect(reborn.id).not.toBe(c.account.id)
    const fresh = await call<DataExport>(t, 'GET', '/api/me/export', { token: reborn.token })
    expect(fresh.body.plans).toEqual([])
    expect(fresh.body.profile).toBeNull()
    expect(fresh.body.consents).toEqual([])
    expect(fresh.text).not.toContain(c.account.id)
    for (const s of [c.goals, ...c.planNames]) expect(fresh.text).not.toContain(s)

    // the other customer is untouched
    const plans = await call<PlanView[]>(t, 'GET', '/api/me/plans', { token: other.account.token })
    expect(plans.body.map((p) => p.name)).toEqual(other.planNames)
    expect((await call(t, 'GET', '/api/me/profile', { token: other.account.token })).status).toBe(200)
  })

  it('applies a consent withdrawal at once', async () => {
    const e = await person('evangeline', 'Evangeline Marsh')
    const read = () => call(t, 'GET', `/api/customers/${e.account.id}`, { token: advisor.token })
    const set = (granted: boolean) =>
      call(t, 'PUT', '/api/me/consents', { token: e.account.token, json: { ...SHARE, granted } })

    expect((await read()).status).toBe(200)
    for (let i = 0; i < 3; i++) {
      expect((await set(false)).status).toBe(200)
      const refused = await read()
      expect(refused.status).toBe(403)
      for (const s of [e.goals, ...e.planNames]) expect(refused.text).not.toContain(s)
      expect((await set(true)).status).toBe(200)
      const allowed = await read()
      expect(allowed.status).toBe(200)
      expect(allowed.text).toContain(e.goals)
    }
    // a grant of a text version the customer was not shown does not count
    expect((await set(false)).status).toBe(200)
    const stale = await call(t, 'PUT', '/api/me/consents', {
      token: e.account.token,
      json: { ...SHARE, version: SHARE.version + 1, granted: true },
    })
    expect(stale.status).toBe(409)
    expect((await read()).status).toBe(403)
    const decisions = await t.server.services.audit.query({ action: 'customer.read', subject: e.account.id, limit: 50 })
    expect(decisions.map((d) => d.detail.allowed)).toEqual([false, true, false, true, false, true, false, true])
  })
})

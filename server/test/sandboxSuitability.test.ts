import { SB_C2S, SUITABILITY_DISCLOSURE, type SuitabilityConfirmationView } from '@atrium/common'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { call, register, rowsOf, staff, startOn, type Account } from './accountHelpers.ts'
import { DIALECTS } from './db.ts'
import { guest, type TestServer } from './helpers.ts'
import { confirmWarning, joinSandbox, openSession, planWith, profileC3, shownPlan } from './sandboxHelpers.ts'

describe.each(DIALECTS)('recorded suitability confirmation on %s', (kind) => {
  let t: TestServer & { stop(): Promise<void> }
  let customer: Account

  beforeAll(async () => {
    t = await startOn(kind)
    customer = await register(t, { displayName: 'Ruth Risk' })
    await profileC3(t, customer)
  })
  afterAll(async () => {
    await t.stop()
  })

  it('records a confirmation of a mismatch with plan risk, category and questionnaire date', async () => {
    // the server holds a saved plan to the same rule as the panel: no mismatch is saved unconfirmed
    const save = () =>
      call(t, 'POST', '/api/me/plans', { token: customer.token, json: { name: 'Bold', data: planWith('balanced') } })
    const refused = await save()
    expect(refused.status).toBe(409)
    expect(refused.error?.code).toBe('confirmation_required')
    const r = await confirmWarning(t, customer, planWith('balanced'))
    expect(r.status, r.text).toBe(201)
    expect((await save()).status).toBe(201)
    const view = r.body as unknown as SuitabilityConfirmationView
    expect(view).toMatchObject({ status: 'mismatch', risk: 'R4', category: 'C3' })
    expect(view.assessedAt).toMatch(/^\d{4}-\d\d-\d\dT/)

    const entries = (await rowsOf(t, 'audit')).filter((e) => e.action === 'suitability.confirmed')
    expect(entries).toHaveLength(1)
    expect(entries[0]!.actor_id).toBe(customer.id)
    expect(JSON.parse(String(entries[0]!.detail))).toMatchObject({
      status: 'mismatch',
      planRisk: 'R4',
      category: 'C3',
      questionnaireDate: view.assessedAt,
      disclosureVersion: SUITABILITY_DISCLOSURE.version,
      lang: 'en',
    })
    const list = await call<SuitabilityConfirmationView[]>(t, 'GET', '/api/me/suitability/confirmations', {
      token: customer.token,
    })
    expect(list.body.map((c) => c.key)).toEqual([view.key])
  })

  it('refuses what needs no confirmation, outdated texts, other roles and bad bodies', async () => {
    expect((await confirmWarning(t, customer, planWith('conservative'))).error?.code).toBe('nothing_to_confirm')
    const old = await call(t, 'POST', '/api/me/suitability/confirmations', {
      token: customer.token,
      json: { data: planWith('growth'), disclosureVersion: SUITABILITY_DISCLOSURE.version + 1, lang: 'en' },
    })
    expect(old.status).toBe(409)
    const advisor = await staff(t, 'advisor')
    expect((await confirmWarning(t, advisor, planWith('growth'))).status).toBe(403)
    const g = await guest(t)
    expect((await confirmWarning(t, { ...customer, token: g.token }, planWith('growth'))).status).toBe(403)
    const bad = await call(t, 'POST', '/api/me/suitability/confirmations', {
      token: customer.token,
      json: { data: { allocation: { cash: 'all' } }, disclosureVersion: 1, lang: 'en' },
    })
    expect(bad.status).toBe(400)
    const count = (await rowsOf(t, 'audit')).filter((e) => e.action === 'suitability.confirmed').length
    expect(count).toBe(1)
  })

  it('asks again once the questionnaire has expired, and records that status', async () => {
    const other = await register(t, { displayName: 'Eli Expired' })
    await profileC3(t, other)
    const longAgo = Date.now() - 400 * 24 * 3600 * 1000
    await sql`update profiles set updated_at = ${longAgo} where user_id = ${other.id}`.execute(t.server.services.db.db)
    const r = await confirmWarning(t, other, planWith('conservative'))
    expect(r.status, r.text).toBe(201)
    expect(r.body).toMatchObject({ status: 'expired', risk: 'R2', category: 'C3' })
  })

  it("blocks the owner's own risky edit in a shared session until the warning is confirmed", async () => {
    const owner = await register(t, { displayName: 'Olu Owner' })
    await profileC3(t, owner)
    const { sessionId } = await openSession(t, owner, planWith('conservative', 1))
    const o = await joinSandbox(t, owner.token, sessionId)
    o.room.send(SB_C2S.edit, { data: planWith('growth', 2) })
    await vi.waitFor(() => expect(o.errors.map((e) => e.code)).toEqual(['confirmation_required']))
    expect(shownPlan(o).seed).toBe(1)
    expect((await confirmWarning(t, owner, planWith('growth', 2))).status).toBe(201)
    o.room.send(SB_C2S.edit, { data: planWith('growth', 2) })
    await vi.waitFor(() => expect(shownPlan(o).seed).toBe(2))
    expect(o.room.state.risk).toBe('R4')
    const change = (await rowsOf(t, 'audit')).filter(
      (e) => e.action === 'sandbox.change_accepted' && e.subject_id === owner.id,
    )
    expect(JSON.parse(String(change.at(-1)!.detail))).toMatchObject({
      source: 'owner',
      planRisk: 'R4',
      suitability: 'mismatch',
    })
    await o.room.leave()
  })
})

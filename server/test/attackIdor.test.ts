import { CONSENT_TEXTS, type PlanView } from '@atrium/common'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { call, register, staff, startOn } from './accountHelpers.ts'
import { expectRefused } from './attackHelpers.ts'
import { DIALECTS } from './db.ts'
import type { TestServer } from './helpers.ts'

describe.each(DIALECTS)('injection and IDOR on %s', (kind) => {
  let t: TestServer & { stop(): Promise<void> }

  beforeAll(async () => {
    t = await startOn(kind)
  })
  afterAll(async () => {
    await t.stop()
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
      ['GET', '/api/me/profile', 204],
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

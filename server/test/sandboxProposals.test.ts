import { createHash } from 'node:crypto'

import {
  type DataExport,
  DEFAULT_ASSUMPTIONS,
  parsePlanData,
  SANDBOX_SESSION,
  SB_C2S,
  simulate,
  toSimulationPlan,
  type SandboxSessionView,
} from '@atrium/common'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { call, register, rowsOf, staff, startOn, type Account } from './accountHelpers.ts'
import { DIALECTS } from './db.ts'
import type { TestServer } from './helpers.ts'
import {
  confirmWarning,
  joinSandbox,
  openSession,
  planWith,
  profileC3,
  shownPlan,
  type Member,
} from './sandboxHelpers.ts'

/** What a member's panel projects from the shared plan: the same engine, seed and path count everywhere. */
function projectionHash(m: Member): string {
  const data = parsePlanData(JSON.parse(m.room.state.plan))!
  const result = simulate(toSimulationPlan(data), DEFAULT_ASSUMPTIONS, {
    seed: data.seed,
    paths: SANDBOX_SESSION.paths,
  })
  return createHash('sha256').update(JSON.stringify(result)).digest('hex')
}

describe.each(DIALECTS)('shared sandbox proposals on %s', (kind) => {
  let t: TestServer & { stop(): Promise<void> }
  let owner: Account
  let advisor: Account
  let sessionId: string

  beforeAll(async () => {
    t = await startOn(kind)
    owner = await register(t, { displayName: 'Chen Customer' })
    advisor = await staff(t, 'advisor', 'Ada Advisor')
    await profileC3(t, owner)
    sessionId = (await openSession(t, owner, planWith('conservative'))).sessionId
  })
  afterAll(async () => {
    await t.stop()
  })

  it('opens the advisory suites a session through sessions.open, once', async () => {
    const id = await t.server.services.sandbox.sessions.open(owner.id, [advisor.id])
    expect(id).toBe(sessionId)
    expect(await t.server.services.sandbox.sessions.open(owner.id, [advisor.id])).toBe(sessionId)
    const listed = await call<SandboxSessionView[]>(t, 'GET', '/api/sandbox/sessions', { token: advisor.token })
    expect(listed.body).toEqual([expect.objectContaining({ sessionId, role: 'advisor', inviteCode: null })])
  })

  it('applies an accepted proposal for both, with its suitability in the history and the audit trail', async () => {
    const o = await joinSandbox(t, owner.token, sessionId)
    const a = await joinSandbox(t, advisor.token, sessionId)
    expect(a.welcome()?.role).toBe('advisor')
    // staff seeing a customer's plan is on the record
    const seen = (await rowsOf(t, 'audit')).filter((r) => r.action === 'customer.read' && r.actor_id === advisor.id)
    expect(seen.map((r) => JSON.parse(String(r.detail)))).toEqual([
      expect.objectContaining({ basis: 'sandbox_member', sessionId, fields: ['plan'] }),
    ])

    // an advisor's edit is refused; a proposal waits for the customer
    a.room.send(SB_C2S.edit, { data: planWith('growth') })
    await vi.waitFor(() => expect(a.errors.map((e) => e.code)).toContain('forbidden'))
    const suitable = { ...planWith('conservative', 777), inputs: { ...planWith('conservative').inputs, monthly: 3000 } }
    a.room.send(SB_C2S.propose, { data: suitable, note: 'A little more each month' })
    await vi.waitFor(() => expect(o.room.state.proposals.size).toBe(1))
    const proposal = [...o.room.state.proposals.values()][0]!
    expect(proposal).toMatchObject({ authorName: 'Ada Advisor', risk: 'R2', note: 'A little more each month' })
    expect(proposal.authorId).toMatch(/^m_/)
    expect(shownPlan(a).seed).toBe(1234)

    o.room.send(SB_C2S.decide, { proposalId: proposal.id, accept: true })
    await vi.waitFor(() => expect(shownPlan(a).seed).toBe(777))
    await vi.waitFor(() => expect(o.room.state.proposals.size).toBe(0))
    expect(shownPlan(o)).toEqual(shownPlan(a))
    expect(o.room.state.version).toBe(a.room.state.version)
    expect(projectionHash(o)).toBe(projectionHash(a))

    const history = await rowsOf(t, 'sandbox_history')
    expect(history).toEqual([
      expect.objectContaining({
        session_id: sessionId,
        actor_id: owner.id,
        proposal_id: proposal.id,
        risk: 'R2',
        suitability: 'suitable',
        category: 'C3',
      }),
    ])
    const accepted = (await rowsOf(t, 'audit')).filter((r) => r.action === 'sandbox.change_accepted')
    expect(accepted).toHaveLength(1)
    expect(JSON.parse(String(accepted[0]!.detail))).toMatchObject({
      source: 'proposal',
      planRisk: 'R2',
      suitability: 'suitable',
      category: 'C3',
    })

    // a riskier proposal needs the customer's recorded confirmation before it can be accepted
    a.room.send(SB_C2S.propose, { data: planWith('growth', 4242) })
    await vi.waitFor(() => expect(o.room.state.proposals.size).toBe(1))
    const risky = [...o.room.state.proposals.values()][0]!
    expect(risky.risk).toBe('R4')
    o.room.send(SB_C2S.decide, { proposalId: risky.id, accept: true })
    await vi.waitFor(() => expect(o.errors.map((e) => e.code)).toContain('confirmation_required'))
    expect(shownPlan(a).seed).toBe(777)
    expect((await confirmWarning(t, owner, planWith('growth', 4242))).status).toBe(201)
    o.room.send(SB_C2S.decide, { proposalId: risky.id, accept: true })
    await vi.waitFor(() => expect(shownPlan(a).seed).toBe(4242))
    expect(projectionHash(o)).toBe(projectionHash(a))
    const last = (await rowsOf(t, 'sandbox_history')).at(-1)
    expect(last).toMatchObject({ risk: 'R4', suitability: 'mismatch', category: 'C3' })

    // a rejected proposal changes nothing and is on the record
    a.room.send(SB_C2S.propose, { data: planWith('balanced', 5) })
    await vi.waitFor(() => expect(o.room.state.proposals.size).toBe(1))
    const rejected = [...o.room.state.proposals.values()][0]!
    o.room.send(SB_C2S.decide, { proposalId: rejected.id, accept: false })
    await vi.waitFor(() => expect(a.room.state.proposals.size).toBe(0))
    expect(shownPlan(a).seed).toBe(4242)
    const audit = await rowsOf(t, 'audit')
    expect(audit.some((r) => r.action === 'sandbox.proposal_rejected' && r.subject_id === owner.id)).toBe(true)
    // a decided proposal cannot be decided again
    o.room.send(SB_C2S.decide, { proposalId: rejected.id, accept: true })
    await vi.waitFor(() => expect(o.errors.map((e) => e.code)).toContain('not_found'))
    await a.room.leave()
    await o.room.leave()
  })

  it("ends the room when the customer closes the session, and refuses others' closing", async () => {
    const o = await joinSandbox(t, owner.token, sessionId)
    const a = await joinSandbox(t, advisor.token, sessionId)
    let left = false
    a.room.onLeave(() => (left = true))
    const stranger = await register(t)
    expect((await call(t, 'DELETE', `/api/sandbox/sessions/${sessionId}`, { token: stranger.token })).status).toBe(404)
    expect((await call(t, 'DELETE', `/api/sandbox/sessions/${sessionId}`, { token: advisor.token })).status).toBe(403)
    expect((await call(t, 'DELETE', `/api/sandbox/sessions/${sessionId}`, { token: owner.token })).status).toBe(204)
    await vi.waitFor(() => expect(left).toBe(true))
    await expect(joinSandbox(t, advisor.token, sessionId)).rejects.toThrow(/no such shared session/)
    void o
  })

  it('keeps one live session per customer: opening another ends the earlier room', async () => {
    const first = (await openSession(t, owner, planWith('conservative', 1), 'First')).sessionId
    const o = await joinSandbox(t, owner.token, first)
    let left = false
    o.room.onLeave(() => (left = true))
    const second = await openSession(t, owner, planWith('conservative', 2), 'Second')
    await vi.waitFor(() => expect(left).toBe(true))
    const mine = await call<SandboxSessionView[]>(t, 'GET', '/api/sandbox/sessions', { token: owner.token })
    expect(mine.body.map((v) => v.sessionId)).toEqual([second.sessionId])
    expect(mine.body[0]).toMatchObject({ role: 'owner', inviteCode: second.inviteCode })
  })

  it("exports the owner's sessions, changes and confirmations, and erasure removes them", async () => {
    const mine = await call<DataExport>(t, 'GET', '/api/me/export', { token: owner.token })
    expect(mine.status).toBe(200)
    const sandbox = mine.body.sandbox!
    expect(sandbox.sessions.some((x) => x.role === 'owner' && x.plan !== null)).toBe(true)
    expect(sandbox.changes.length).toBeGreaterThan(0)
    // the advisor's export lists their membership, never the customer's plan
    const theirs = await call<DataExport>(t, 'GET', '/api/me/export', { token: advisor.token })
    expect(theirs.body.sandbox!.sessions.every((x) => x.plan === null)).toBe(true)
    expect(theirs.body.sandbox!.proposals.length).toBeGreaterThan(0)

    const del = await call(t, 'DELETE', '/api/me', { token: owner.token, json: { password: owner.password } })
    expect(del.status).toBe(204)
    const db = t.server.services.db.db
    expect(await db.selectFrom('sandbox_sessions').select('id').where('owner_id', '=', owner.id).execute()).toEqual([])
    expect(await db.selectFrom('sandbox_members').select('user_id').where('user_id', '=', owner.id).execute()).toEqual(
      [],
    )
    expect(await db.selectFrom('sandbox_confirmations').select('id').where('user_id', '=', owner.id).execute()).toEqual(
      [],
    )
  })
})

import {
  ADVISOR_TOPICS,
  SuiteState,
  type AdvisorySessionView,
  type ComplaintStatusView,
  type CustomerContextView,
  type DataExport,
  type HostAskResponse,
  type InboxView,
  type QueueEntryView,
  type SessionDetail,
  type StaffComplaintView,
} from '@atrium/common'
import { Client, type Room } from 'colyseus.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { call, register, staff, startOn, type Account } from './accountHelpers.ts'
import { queueStatus, shareWithAdvisor } from './advisorHelpers.ts'
import { DIALECTS } from './db.ts'
import { guest, sleep, type TestServer } from './helpers.ts'

const DAY = 24 * 60 * 60 * 1000

describe.each(DIALECTS)('advisory sessions on %s', (dialect) => {
  let t: TestServer & { stop(): Promise<void> }
  let admin: Account, supervisor: Account, advisor: Account, stranger: Account, compliance: Account
  let customer: Account, family: Account, other: Account
  let reference = ''
  const rooms: Room[] = []

  beforeAll(async () => {
    t = await startOn(dialect)
    ;[admin, supervisor, advisor, stranger, compliance] = await Promise.all([
      staff(t, 'admin'),
      staff(t, 'advisor', 'Supervisor Wang'),
      staff(t, 'advisor', 'Advisor Li'),
      staff(t, 'advisor', 'Advisor Zhao'),
      staff(t, 'compliance'),
    ])
    ;[customer, family, other] = await Promise.all([
      register(t, { displayName: 'Chen Jing' }),
      register(t, { displayName: 'Chen Ming' }),
      register(t, { displayName: 'Somebody Else' }),
    ])
  })
  afterAll(async () => {
    // rooms the session's end already closed never answer a leave: do not wait on them
    for (const r of rooms) if (r.connection.isOpen) await Promise.race([r.leave().catch(() => undefined), sleep(1000)])
    await t.stop()
  })

  const join = async (who: { token: string }, ref = reference) => {
    const client = new Client(`ws://127.0.0.1:${t.port}`)
    client.auth.token = who.token
    const room = await client.joinOrCreate('suite', { reference: ref }, SuiteState)
    rooms.push(room)
    return room
  }
  const audited = (actor: string, subject?: string) =>
    t.server.services.audit.query({ actor, ...(subject && { subject }), limit: 100 })

  it('puts an advisor in a supervisor team (admins only)', async () => {
    const put = (who: Account, supervisorId: string | null) =>
      call(t, 'PUT', `/api/admin/advisors/${advisor.id}/supervisor`, { token: who.token, json: { supervisorId } })
    expect((await put(advisor, supervisor.id)).status).toBe(403)
    expect((await put(admin, customer.id)).status).toBe(404)
    expect((await put(admin, supervisor.id)).status).toBe(204)
  })

  it('queues a host hand-off with its context, and the console shows it', async () => {
    await shareWithAdvisor(t, customer)
    await call(t, 'PUT', '/api/me/profile', {
      token: customer.token,
      json: { answers: { horizon: 3 }, goals: 'retire' },
    })
    await call(t, 'POST', '/api/me/plans', {
      token: customer.token,
      json: { name: 'Retirement 2045', data: { equity: 0.4 } },
    })
    const q = await call<HostAskResponse>(t, 'POST', '/api/host/ask', {
      token: customer.token,
      json: { text: 'I would like to talk to a human advisor about wealth products', lang: 'en' },
    })
    expect(q.body.reply.kind).toBe('handoff')
    reference = q.body.reply.reference!
    expect(await queueStatus(t, customer)).toMatchObject({ reference, status: 'waiting', position: 1 })
    const c = await call<{ queue: QueueEntryView[] }>(t, 'GET', '/api/advisors/console', { token: advisor.token })
    expect(c.body.queue).toEqual([
      expect.objectContaining({ reference, source: 'host', customer: { id: customer.id, displayName: 'Chen Jing' } }),
    ])
    expect((await call(t, 'GET', '/api/advisors/console', { token: customer.token })).status).toBe(403)
  })

  it('opens no context without a session, and records the attempt', async () => {
    const r = await call(t, 'GET', `/api/advisors/sessions/${reference}/context`, { token: advisor.token })
    expect(r.status).toBe(404)
    const refused = (await audited(advisor.id)).filter((e) => e.action === 'customer.read')
    expect(refused[0]?.detail).toMatchObject({ allowed: false, reason: 'no_session', reference })
  })

  it('accepts: the session opens with its parties, and only its advisor sees the context', async () => {
    const acc = await call<{ session: AdvisorySessionView }>(t, 'POST', `/api/advisors/queue/${reference}/accept`, {
      token: advisor.token,
      json: {},
    })
    expect(acc.status).toBe(200)
    expect(acc.body.session).toMatchObject({ reference, status: 'active', source: 'queue' })
    expect(ADVISOR_TOPICS).toContain(acc.body.session.topic)
    expect(await queueStatus(t, customer)).toMatchObject({
      status: 'accepted',
      session: { reference, advisorName: 'Advisor Li' },
    })
    const active = await call<{ session: AdvisorySessionView }>(t, 'GET', '/api/advisors/sessions/active', {
      token: customer.token,
    })
    expect(active.body.session.reference).toBe(reference)
    // the suite's table: a shared sandbox session of the customer's, with the advisor as a member
    const sandboxId = active.body.session.sandboxSessionId
    expect(sandboxId).toMatch(/\S/)
    const members = await t.server.services.db.db
      .selectFrom('sandbox_members')
      .select('user_id')
      .where('session_id', '=', sandboxId!)
      .execute()
    expect(members.map((m) => m.user_id).sort()).toEqual([advisor.id, customer.id].sort())

    const ctx = await call<CustomerContextView>(t, 'GET', `/api/advisors/sessions/${reference}/context`, {
      token: advisor.token,
    })
    expect(ctx.status).toBe(200)
    expect(ctx.body.hostConversation?.length).toBeGreaterThan(0)
    expect(ctx.body.plans?.[0]?.name).toBe('Retirement 2045')
    expect(ctx.body.questionnaire?.answers).toEqual({ horizon: 3 })
    expect(ctx.body.questionnaire?.answeredAt).toBeGreaterThan(0)
    expect(ctx.body.withheld).toEqual([{ part: 'events', reason: 'unavailable' }])
    const read = (await audited(advisor.id, customer.id)).find(
      (e) => e.action === 'customer.read' && e.detail.allowed === true,
    )
    expect(read?.detail).toMatchObject({
      basis: 'session',
      reference,
      fields: ['host_conversation', 'plans', 'questionnaire'],
    })

    expect(
      (await call(t, 'GET', `/api/advisors/sessions/${reference}/context`, { token: stranger.token })).status,
    ).toBe(403)
    expect(
      (await call(t, 'GET', `/api/advisors/sessions/${reference}/context`, { token: customer.token })).status,
    ).toBe(403)
    const strangerTrail = (await audited(stranger.id, customer.id)).filter((e) => e.action === 'customer.read')
    expect(strangerTrail[0]?.detail).toMatchObject({ allowed: false, reason: 'no_session' })

    // withdrawal takes effect at the next request: the console says what was withheld
    await shareWithAdvisor(t, customer, false)
    const without = await call<CustomerContextView>(t, 'GET', `/api/advisors/sessions/${reference}/context`, {
      token: advisor.token,
    })
    expect(without.body.plans).toBeNull()
    expect(without.body.questionnaire).toBeNull()
    expect(without.body.withheld.map((w) => `${w.part}:${w.reason}`)).toEqual([
      'plans:no_consent',
      'questionnaire:no_consent',
      'events:no_consent',
    ])
    await shareWithAdvisor(t, customer, true)
  })

  it('admits only the session parties to the suite room, and survives bad messages', async () => {
    const croom = await join(customer)
    const aroom = await join(advisor)
    await expect(join(other)).rejects.toThrow()
    await expect(join(stranger)).rejects.toThrow()
    await expect(join(await guest(t, 'Lurker'))).rejects.toThrow()
    await expect(join(customer, 'H-ZZZZZZZZ')).rejects.toThrow()
    await vi_waitFor(() => croom.state.participants.get(advisor.id)?.present === true)
    expect(croom.state.participants.get(customer.id)).toMatchObject({ name: 'Chen Jing', role: 'customer' })
    // a malicious client: unknown types, bad payloads, raw garbage
    croom.send('wall', { kind: 'virus', title: 1, page: -1 })
    croom.send('nonsense', { x: 1 })
    croom.send('wall', 'x'.repeat(500))
    aroom.send('wall', { kind: 'document', title: 'Fund factsheet 基金概要', page: 2 })
    await vi_waitFor(() => croom.state.wall.title === 'Fund factsheet 基金概要')
    expect(croom.state.wall).toMatchObject({ kind: 'document', page: 2, by: advisor.id })
    // no login id or other personal data in the shared state
    expect(JSON.stringify(croom.state.toJSON())).not.toContain('@example.com')
  })

  it('lets the customer invite a family member, once per code, to the suite and its media', async () => {
    const inv = await call<{ code: string }>(t, 'POST', `/api/advisors/sessions/${reference}/invites`, {
      token: customer.token,
      json: {},
    })
    expect(inv.status).toBe(201)
    expect(
      (await call(t, 'POST', `/api/advisors/sessions/${reference}/invites`, { token: other.token, json: {} })).status,
    ).toBe(404)
    const media = (who: Account) =>
      call(t, 'POST', '/api/media/token', { token: who.token, json: { room: 'suite', reference } })
    expect((await media(family)).status).toBe(403)
    expect(
      (await call(t, 'POST', '/api/advisors/invites/redeem', { token: family.token, json: { code: inv.body.code } }))
        .status,
    ).toBe(200)
    expect(
      (await call(t, 'POST', '/api/advisors/invites/redeem', { token: other.token, json: { code: inv.body.code } }))
        .status,
    ).toBe(404)
    const froom = await join(family)
    await vi_waitFor(() => froom.state.participants.get(family.id)?.role === 'family')
    // parties pass the media policy (503: no media server in this test); others are refused
    expect((await media(family)).status).toBe(503)
    expect((await media(customer)).status).toBe(503)
    expect((await media(advisor)).status).toBe(503)
    expect((await media(other)).status).toBe(403)
    expect((await media(stranger)).status).toBe(403)
  })

  it('keeps notes and follow-ups, ends with a summary in the inbox, and closes the suite', async () => {
    expect(
      (
        await call(t, 'POST', `/api/advisors/sessions/${reference}/notes`, {
          token: advisor.token,
          json: { text: 'Prefers low volatility' },
        })
      ).status,
    ).toBe(204)
    expect(
      (
        await call(t, 'POST', `/api/advisors/sessions/${reference}/notes`, {
          token: stranger.token,
          json: { text: 'x' },
        })
      ).status,
    ).toBe(403)
    const fu = await call(t, 'POST', `/api/advisors/sessions/${reference}/followups`, {
      token: advisor.token,
      json: { text: 'Send bond fund factsheet', dueAt: Date.now() + DAY },
    })
    expect(fu.status).toBe(201)
    const closed: number[] = []
    for (const r of rooms) r.onLeave((code) => closed.push(code))
    const sum = await call(t, 'POST', `/api/advisors/sessions/${reference}/summary`, {
      token: advisor.token,
      json: {
        discussed: 'Retirement plan, bond funds',
        nextSteps: ['Read the factsheet'],
        disclosures: ['Investing involves risk; past performance does not guarantee future results.'],
      },
    })
    expect(sum.status).toBe(200)
    await vi_waitFor(() => closed.filter((c) => c === 4410).length >= 3)
    expect(
      (
        await call(t, 'POST', `/api/advisors/sessions/${reference}/summary`, {
          token: advisor.token,
          json: { discussed: 'again', nextSteps: [], disclosures: [] },
        })
      ).status,
    ).toBe(409)
    await expect(join(customer)).rejects.toThrow()

    const inbox = await call<InboxView>(t, 'GET', '/api/advisors/inbox', { token: customer.token })
    expect(inbox.body.summaries).toEqual([
      expect.objectContaining({
        sessionReference: reference,
        advisorName: 'Advisor Li',
        nextSteps: ['Read the factsheet'],
      }),
    ])
    expect(
      (await call(t, 'GET', `/api/advisors/sessions/${reference}/summary`, { token: customer.token })).status,
    ).toBe(200)
    expect((await call(t, 'GET', `/api/advisors/sessions/${reference}/summary`, { token: other.token })).status).toBe(
      404,
    )
    expect((await call(t, 'GET', `/api/advisors/sessions/${reference}/context`, { token: advisor.token })).status).toBe(
      403,
    )
  })

  it('shows a session to its advisor and supervisor (audited), not to other advisors', async () => {
    const detail = await call<SessionDetail>(t, 'GET', `/api/advisors/sessions/${reference}`, { token: advisor.token })
    expect(detail.body.notes.map((n) => n.text)).toEqual(['Prefers low volatility'])
    expect(detail.body.followUps).toHaveLength(1)
    expect((await call(t, 'GET', `/api/advisors/sessions/${reference}`, { token: supervisor.token })).status).toBe(200)
    const supRead = (await audited(supervisor.id, customer.id)).find((e) => e.action === 'customer.read')
    expect(supRead?.detail).toMatchObject({ allowed: true, basis: 'supervisor', reference })
    expect((await call(t, 'GET', `/api/advisors/sessions/${reference}`, { token: stranger.token })).status).toBe(403)
    expect((await call(t, 'GET', `/api/advisors/sessions/${reference}`, { token: other.token })).status).toBe(403)
    const team = await call<{ sessions: AdvisorySessionView[] }>(t, 'GET', '/api/advisors/sessions?scope=team', {
      token: supervisor.token,
    })
    expect(team.body.sessions.map((s) => s.reference)).toEqual([reference])
    const strangerTeam = await call<{ sessions: AdvisorySessionView[] }>(
      t,
      'GET',
      '/api/advisors/sessions?scope=team',
      { token: stranger.token },
    )
    expect(strangerTeam.body.sessions).toEqual([])
  })

  it('takes one rating, and a complaint from the summary escalates once when its deadline passes', async () => {
    const rate = () =>
      call(t, 'POST', `/api/advisors/sessions/${reference}/rating`, {
        token: customer.token,
        json: { stars: 2, comment: 'Too fast' },
      })
    expect((await rate()).status).toBe(204)
    expect((await rate()).status).toBe(404)
    const filed = await call<ComplaintStatusView>(t, 'POST', '/api/advisors/complaints', {
      token: customer.token,
      json: { text: 'The advisor rushed me', lang: 'en', source: 'summary', sessionReference: reference },
    })
    expect(filed.status).toBe(201)
    expect(filed.body.reference).toMatch(/^C-[A-Z2-9]{8}$/)
    expect(filed.body.dueAt - filed.body.createdAt).toBe(DAY)
    expect(filed.body.status).toBe('open')
    expect(
      (
        await call(t, 'POST', '/api/advisors/complaints', {
          token: other.token,
          json: { text: 'x', lang: 'en', source: 'summary', sessionReference: reference },
        })
      ).status,
    ).toBe(404)

    const complaints = t.server.services.advisors.complaints
    const late = Date.now() + DAY + 60_000
    // two processes' sweeps at once escalate it once
    const counts = await Promise.all([complaints.sweep(late), complaints.sweep(late)])
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1)
    const escalations = (await t.server.services.audit.query({ action: 'complaint.escalated', limit: 50 })).filter(
      (e) => e.detail.reference === filed.body.reference,
    )
    expect(escalations).toHaveLength(1)
    expect(escalations[0]!.detail.to).toBe(supervisor.id)
    const mine = await call<{ complaints: ComplaintStatusView[] }>(t, 'GET', '/api/advisors/complaints/mine', {
      token: customer.token,
    })
    expect(mine.body.complaints[0]).toMatchObject({
      reference: filed.body.reference,
      status: 'escalated',
      source: 'summary',
    })
    const supList = await call<{ complaints: StaffComplaintView[] }>(t, 'GET', '/api/advisors/complaints', {
      token: supervisor.token,
    })
    expect(supList.body.complaints.find((c) => c.reference === filed.body.reference)?.escalatedTo).toBe(supervisor.id)
    expect(
      (
        await call(t, 'POST', `/api/advisors/complaints/${filed.body.reference}/respond`, {
          token: stranger.token,
          json: { text: 'no' },
        })
      ).status,
    ).toBe(403)
    const answer = await call<StaffComplaintView>(
      t,
      'POST',
      `/api/advisors/complaints/${filed.body.reference}/respond`,
      { token: supervisor.token, json: { text: 'We are sorry; a senior advisor will call you.' } },
    )
    expect(answer.body.status).toBe('answered')
    const after = await call<{ complaints: ComplaintStatusView[] }>(t, 'GET', '/api/advisors/complaints/mine', {
      token: customer.token,
    })
    expect(after.body.complaints[0]).toMatchObject({
      status: 'answered',
      response: 'We are sorry; a senior advisor will call you.',
    })
    expect((await call(t, 'GET', '/api/advisors/complaints', { token: compliance.token })).status).toBe(200)
  })

  it('escalates a host complaint on read once overdue, to the compliance pool', async () => {
    const q = await call<HostAskResponse>(t, 'POST', '/api/host/ask', {
      token: other.token,
      json: { text: 'I want to file a complaint about your service', lang: 'en' },
    })
    expect(q.body.reply.kind).toBe('complaint')
    const ref = q.body.reply.reference!
    await t.server.services.db.db
      .updateTable('complaints')
      .set({ due_at: Date.now() - 1000 })
      .where('reference', '=', ref)
      .execute()
    const mine = await call<{ complaints: ComplaintStatusView[] }>(t, 'GET', '/api/advisors/complaints/mine', {
      token: other.token,
    })
    expect(mine.body.complaints.find((c) => c.reference === ref)).toMatchObject({ status: 'escalated', source: 'host' })
  })

  it('exports what the advisors kept about the customer', async () => {
    const exp = await call<DataExport>(t, 'GET', '/api/me/export', { token: customer.token })
    expect(exp.body.advisors?.summaries[0]?.sessionReference).toBe(reference)
    expect(exp.body.advisors?.notes.map((n) => n.text)).toEqual(['Prefers low volatility'])
    expect(exp.body.advisors?.sessions[0]).toMatchObject({ reference, role: 'customer', rating: 2 })
    const fam = await call<DataExport>(t, 'GET', '/api/me/export', { token: family.token })
    expect(fam.body.advisors?.sessions[0]).toMatchObject({ reference, role: 'family' })
    expect(fam.body.advisors?.notes).toEqual([])
  })
})

/** Polls until `check` holds (patches arrive asynchronously). */
async function vi_waitFor(check: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time')
    await sleep(20)
  }
}

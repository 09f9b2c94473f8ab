import {
  CONSENT_TEXTS,
  type ComplaintView,
  type DataExport,
  type HandoffPacket,
  type HostAskResponse,
  type QueueStatus,
} from '@atrium/common'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { call, LIFTED_LIMITS, register, staff, type Account } from './accountHelpers.ts'
import { guest, startServer, type TestServer } from './helpers.ts'

let t: TestServer

beforeAll(async () => {
  t = await startServer({ limits: LIFTED_LIMITS })
})
afterAll(async () => {
  await t.server.close()
})

const ask = (token: string, text: string, lang: 'en' | 'zh-CN', conversationId?: string) =>
  call<HostAskResponse>(t, 'POST', '/api/host/ask', { token, json: { text, lang, conversationId } })

describe('the digital host over HTTP', () => {
  it('answers a guest and shows the way to a zone', async () => {
    const g = await guest(t, 'Walker')
    const r = await ask(g.token, 'how do I get to the auditorium', 'en')
    expect(r.status).toBe(200)
    expect(r.body.reply).toMatchObject({ kind: 'navigate', zone: 'auditorium', lang: 'en' })
    expect(r.body.conversationId).toMatch(/^c_/)
    const faq = await ask(g.token, '存款保险最多赔多少钱', 'zh-CN', r.body.conversationId)
    expect(faq.body.reply.kind).toBe('answer')
    expect(faq.body.reply.lang).toBe('zh-CN')
    expect(faq.body.conversationId).toBe(r.body.conversationId)
  })

  it('keeps conversations private to the visitor', async () => {
    const a = await guest(t, 'Alice')
    const b = await guest(t, 'Bob')
    const first = await ask(a.token, 'what are your opening hours', 'en')
    const own = await call<{ turns: unknown[] }>(t, 'GET', `/api/host/conversations/${first.body.conversationId}`, {
      token: a.token,
    })
    expect(own.body.turns).toHaveLength(2)
    const other = await call(t, 'GET', `/api/host/conversations/${first.body.conversationId}`, { token: b.token })
    expect(other.status).toBe(404)
    const hijack = await ask(b.token, 'continue', 'en', first.body.conversationId)
    expect(hijack.status).toBe(404)
    expect((await call(t, 'POST', '/api/host/ask', { json: { text: 'hi', lang: 'en' } })).status).toBe(401)
  })

  it('hands a customer to an advisor with the conversation and, with consent, the plan', async () => {
    const customer: Account = await register(t, { displayName: 'Chen Jing' })
    await call(t, 'PUT', '/api/me/consents', {
      token: customer.token,
      json: { purpose: 'share_with_advisor', granted: true, version: CONSENT_TEXTS.share_with_advisor.version },
    })
    await call(t, 'POST', '/api/me/plans', {
      token: customer.token,
      json: { name: 'Retirement 2045', data: { equity: 0.4 } },
    })
    const q1 = await ask(customer.token, '我想了解一下房贷怎么申请', 'zh-CN')
    const q2 = await ask(customer.token, '我想预约理财顾问', 'zh-CN', q1.body.conversationId)
    expect(q2.body.reply.kind).toBe('handoff')
    const ref = q2.body.reply.reference ?? ''
    expect(ref).toMatch(/^H-[A-Z2-9]{8}$/)

    const advisor = await staff(t, 'advisor')
    const list = await call<{ handoffs: HandoffPacket[] }>(t, 'GET', '/api/staff/handoffs', { token: advisor.token })
    const packet = list.body.handoffs.find((h) => h.reference === ref)
    expect(packet).toMatchObject({
      status: 'open',
      visitor: { id: customer.id, displayName: 'Chen Jing', role: 'customer' },
      lang: 'zh-CN',
      consents: ['share_with_advisor'],
      plan: { name: 'Retirement 2045', data: { equity: 0.4 } },
    })
    expect(packet?.conversation.map((turn) => turn.text)).toEqual(
      expect.arrayContaining(['我想了解一下房贷怎么申请', '我想预约理财顾问']),
    )
    expect(packet?.needs).toContain('loans')
    expect(JSON.stringify(packet)).not.toContain(customer.loginId)

    const take = await call(t, 'POST', `/api/staff/handoffs/${ref}/take`, { token: advisor.token, json: {} })
    expect(take.status).toBe(200)
    // the hand-off waited in the advisor queue: taking it accepted it there, so the customer is not left waiting
    const place = await call<QueueStatus>(t, 'GET', '/api/advisors/queue/me', { token: customer.token })
    expect(place.body).toMatchObject({ status: 'accepted', reference: ref })
    const again = await call(t, 'POST', `/api/staff/handoffs/${ref}/take`, { token: advisor.token, json: {} })
    expect(again.status).toBe(409)
    const reads = await t.server.services.audit.query({ actor: advisor.id, subject: customer.id, limit: 20 })
    expect(reads.map((e) => e.action)).toEqual(expect.arrayContaining(['customer.read', 'handoff.taken']))
    // customers and guests never see the queue
    expect((await call(t, 'GET', '/api/staff/handoffs', { token: customer.token })).status).toBe(403)
  })

  it('leaves the plan out of the packet without consent', async () => {
    const customer = await register(t, { displayName: 'No Share' })
    await call(t, 'POST', '/api/me/plans', { token: customer.token, json: { name: 'Private plan', data: { a: 1 } } })
    const r = await ask(customer.token, 'I would like to talk to a human advisor', 'en')
    expect(r.body.reply.kind).toBe('handoff')
    const advisor = await staff(t, 'advisor')
    const list = await call<{ handoffs: HandoffPacket[] }>(t, 'GET', '/api/staff/handoffs', { token: advisor.token })
    const packet = list.body.handoffs.find((h) => h.reference === r.body.reply.reference)
    expect(packet?.consents).toEqual([])
    expect(packet?.plan).toBeUndefined()
  })

  it('records a complaint with a reference and a 24-hour deadline', async () => {
    const customer = await register(t, { displayName: 'Unhappy' })
    const before = Date.now()
    const r = await ask(customer.token, '我要投诉，上次转账手续费扣多了', 'zh-CN')
    expect(r.body.reply.kind).toBe('complaint')
    expect(r.body.reply.reference).toMatch(/^C-/)
    expect(r.body.reply.dueAt).toBeGreaterThanOrEqual(before + 24 * 3600_000)
    const compliance = await staff(t, 'compliance')
    const list = await call<{ complaints: ComplaintView[] }>(t, 'GET', '/api/staff/complaints', {
      token: compliance.token,
    })
    expect(list.body.complaints.find((c) => c.reference === r.body.reply.reference)).toMatchObject({
      visitorId: customer.id,
      status: 'open',
    })

    // the visitor's export holds the conversation; erasure removes it
    const exported = await call<DataExport>(t, 'GET', '/api/me/export', { token: customer.token })
    expect(exported.body.host.conversations[0]?.turns[0]?.text).toBe('我要投诉，上次转账手续费扣多了')
    expect(exported.body.host.complaints).toHaveLength(1)
    const del = await call(t, 'DELETE', '/api/me', { token: customer.token, json: { password: customer.password } })
    expect(del.status).toBe(204)
    const left = await t.server.services.db.db
      .selectFrom('host_conversations')
      .select('id')
      .where('owner_id', '=', customer.id)
      .execute()
    expect(left).toEqual([])
  })

  it('refuses bad input with a clear error', async () => {
    const g = await guest(t, 'Tester')
    expect((await ask(g.token, '   ', 'en')).status).toBe(400)
    expect((await ask(g.token, 'x'.repeat(600), 'en')).status).toBe(400)
    expect((await call(t, 'POST', '/api/host/ask', { token: g.token, json: { text: 'hi', lang: 'fr' } })).status).toBe(
      400,
    )
    expect((await ask(g.token, 'hi', 'en', 'c_not-a-real-one')).status).toBe(404)
  })
})

import { randomBytes } from 'node:crypto'

import type { GuestResponse, MediaTokenResponse } from '@atrium/common'
import { RoomServiceClient } from 'livekit-server-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { call, register, staff, type Account } from './accountHelpers.ts'
import { guest, type TestServer } from './helpers.ts'
import {
  livekitBinary,
  signalOnlyJoin,
  signWebhook,
  startMediaStack,
  until,
  webhookBody,
  type MediaStack,
} from './mediaHelpers.ts'

const binary = livekitBinary()

describe.skipIf(!binary)('media moderation against a real livekit-server', () => {
  let stack: MediaStack
  let t: TestServer
  let rooms: RoomServiceClient
  let customer: Account
  let advisor: Account
  let otherAdvisor: Account
  let educator: Account
  let compliance: Account
  let admin: Account
  let visitor: GuestResponse
  let suiteRef: string

  beforeAll(async () => {
    stack = await startMediaStack()
    t = stack.t
    rooms = new RoomServiceClient(stack.lk.httpUrl, stack.lk.apiKey, stack.lk.apiSecret)
    ;[customer, advisor, otherAdvisor, educator, compliance, admin] = await Promise.all([
      register(t),
      staff(t, 'advisor'),
      staff(t, 'advisor'),
      staff(t, 'educator'),
      staff(t, 'compliance'),
      staff(t, 'admin'),
    ])
    visitor = await guest(t, 'Listener')
    suiteRef = `H-${[...randomBytes(8)].map((b) => 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'[b % 31]).join('')}`
    await t.server.services.db.db
      .insertInto('handoffs')
      .values({
        reference: suiteRef,
        conversation_id: 'c_test',
        visitor_id: customer.id,
        visitor_role: 'customer',
        packet: '{}',
        status: 'taken',
        created_at: Date.now(),
        taken_by: advisor.id,
        taken_at: Date.now(),
      })
      .execute()
    for (const name of ['auditorium-1', 'atrium-1', `suite-${suiteRef}`]) await rooms.createRoom({ name })
  })
  afterAll(() => stack?.stop())

  const moderate = (token: string | undefined, op: 'mute' | 'remove' | 'speaker', json: unknown) =>
    call(t, 'POST', `/api/media/moderation/${op}`, { token, json })
  const auditorium = { room: 'auditorium', instance: 1 }
  const atrium = { room: 'atrium', instance: 1 }
  const suite = () => ({ room: 'suite', reference: suiteRef })
  const absent = 'g_absent0000'

  it('refuses moderation to everyone but the room’s staff', async () => {
    const cases: [Account | GuestResponse, unknown][] = [
      [visitor, auditorium],
      [customer, auditorium],
      [advisor, auditorium],
      [otherAdvisor, suite()],
      [educator, suite()],
      [educator, atrium],
      [customer, suite()],
      [advisor, atrium],
    ]
    for (const [who, room] of cases) {
      for (const [op, extra] of [
        ['mute', { identity: absent, trackSid: 'TR_x1' }],
        ['remove', { identity: absent }],
      ] as const) {
        const r = await moderate(who.token, op, { ...(room as object), ...extra })
        expect(r.status, `${op} ${JSON.stringify(room)}`).toBe(403)
      }
    }
    expect((await moderate(advisor.token, 'speaker', { ...auditorium, identity: absent, speaker: true })).status).toBe(
      403,
    )
    expect((await moderate(undefined, 'remove', { ...atrium, identity: absent })).status).toBe(401)
    // speaker changes exist only in the auditorium
    expect((await moderate(admin.token, 'speaker', { ...atrium, identity: absent, speaker: true })).status).toBe(400)
  })

  it('lets each moderator act in their rooms; LiveKit answers a clear 404 for someone not there', async () => {
    const allowed: [Account, unknown][] = [
      [educator, auditorium],
      [advisor, suite()],
      [compliance, atrium],
      [compliance, suite()],
      [admin, auditorium],
    ]
    for (const [who, room] of allowed) {
      for (const [op, extra] of [
        ['mute', { identity: absent, trackSid: 'TR_x1' }],
        ['remove', { identity: absent }],
      ] as const) {
        const r = await moderate(who.token, op, { ...(room as object), ...extra })
        expect(r.status, `${who.role} ${op} ${JSON.stringify(room)}: ${r.text}`).toBe(404)
        expect(r.error?.message).toMatch(/no such participant in this media room/)
      }
    }
    const r = await moderate(educator.token, 'speaker', { ...auditorium, identity: absent, speaker: true })
    expect(r.status).toBe(404)
  })

  it('promotes and demotes a live participant, mutes only real tracks, removes, and audits each action', async () => {
    const first = await call<MediaTokenResponse>(t, 'POST', '/api/media/token', {
      token: visitor.token,
      json: auditorium,
    })
    expect(first.body.canPublish).toEqual([])
    const ws = await signalOnlyJoin(first.body.url, first.body.token)
    let rejoined: Awaited<ReturnType<typeof signalOnlyJoin>> | undefined
    try {
      await until(
        async () =>
          (await rooms.listParticipants('auditorium-1')).some((p) => p.identity === visitor.id) ? true : undefined,
        'the visitor in auditorium-1',
      )
      const up = await moderate(educator.token, 'speaker', { ...auditorium, identity: visitor.id, speaker: true })
      expect(up.status, up.text).toBe(200)
      expect(up.body.canPublish).toEqual(['microphone', 'camera'])
      expect((await rooms.getParticipant('auditorium-1', visitor.id)).permission?.canPublish).toBe(true)
      // the promotion survives a token refresh
      const refreshed = await call<MediaTokenResponse>(t, 'POST', '/api/media/token', {
        token: visitor.token,
        json: auditorium,
      })
      expect(refreshed.body.canPublish).toEqual(['microphone', 'camera'])

      const down = await moderate(educator.token, 'speaker', { ...auditorium, identity: visitor.id, speaker: false })
      expect(down.status).toBe(200)
      expect(down.body.canPublish).toEqual([])
      expect((await rooms.getParticipant('auditorium-1', visitor.id)).permission?.canPublish).toBe(false)

      const mute = await moderate(educator.token, 'mute', { ...auditorium, identity: visitor.id, trackSid: 'TR_none1' })
      expect(mute.status).toBe(404)
      expect(mute.error?.message).toMatch(/no such track/)

      const removed = await moderate(educator.token, 'remove', { ...auditorium, identity: visitor.id })
      expect(removed.status, removed.text).toBe(200)
      await until(
        async () =>
          (await rooms.listParticipants('auditorium-1')).some((p) => p.identity === visitor.id) ? undefined : true,
        'the visitor to be gone',
      )
      const again = await call(t, 'POST', '/api/media/token', { token: visitor.token, json: auditorium })
      expect(again.status).toBe(403)
      // other rooms stay open to them
      expect((await call(t, 'POST', '/api/media/token', { token: visitor.token, json: atrium })).status).toBe(200)

      // livekit-server v1.13.5 ignores revokeTokenTs: the old token still signs in, so the join webhook removes it
      rejoined = await signalOnlyJoin(first.body.url, first.body.token)
      await until(
        async () =>
          (await rooms.listParticipants('auditorium-1')).some((p) => p.identity === visitor.id) ? true : undefined,
        'the rejoin',
      )
      const raw = webhookBody('participant_joined', 'auditorium-1', visitor.id)
      const hook = await call(t, 'POST', '/api/media/webhook', {
        raw,
        headers: { authorization: await signWebhook(raw, stack.lk.apiKey, stack.lk.apiSecret) },
      })
      expect(hook.status).toBe(200)
      await until(
        async () =>
          (await rooms.listParticipants('auditorium-1')).some((p) => p.identity === visitor.id) ? undefined : true,
        'the rejoined visitor to be removed again',
      )

      const trail = await t.server.services.audit.query({ action: 'media.moderated', subject: visitor.id, limit: 10 })
      expect(trail.map((e) => [e.actorId, e.detail.op, e.detail.room]).reverse()).toEqual([
        [educator.id, 'promote', 'auditorium-1'],
        [educator.id, 'demote', 'auditorium-1'],
        [educator.id, 'remove', 'auditorium-1'],
        ['system', 'remove', 'auditorium-1'],
      ])
    } finally {
      ws.close()
      rejoined?.close()
    }
  })

  it('lets the suite’s advisor remove the customer from the suite', async () => {
    const tok = await call<MediaTokenResponse>(t, 'POST', '/api/media/token', { token: customer.token, json: suite() })
    expect(tok.status).toBe(200)
    const ws = await signalOnlyJoin(tok.body.url, tok.body.token)
    try {
      await until(
        async () =>
          (await rooms.listParticipants(`suite-${suiteRef}`)).some((p) => p.identity === customer.id)
            ? true
            : undefined,
        'the customer in the suite',
      )
      expect((await moderate(otherAdvisor.token, 'remove', { ...suite(), identity: customer.id })).status).toBe(403)
      const r = await moderate(advisor.token, 'remove', { ...suite(), identity: customer.id })
      expect(r.status, r.text).toBe(200)
      const [entry] = await t.server.services.audit.query({ action: 'media.moderated', subject: customer.id, limit: 1 })
      expect(entry).toMatchObject({
        actorId: advisor.id,
        actorRole: 'advisor',
        detail: { op: 'remove', basis: 'advisor' },
      })
    } finally {
      ws.close()
    }
  })
})

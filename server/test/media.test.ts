import { randomBytes } from 'node:crypto'

import type { MediaTokenResponse } from '@atrium/common'
import { RoomServiceClient, TokenVerifier } from 'livekit-server-sdk'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { loadConfig } from '../src/config.ts'
import { call, register, staff, type Account } from './accountHelpers.ts'
import { guest, startServer, type TestServer } from './helpers.ts'
import {
  freePort,
  livekitBinary,
  signalOnlyJoin,
  signWebhook,
  startMediaStack,
  until,
  webhookBody,
  type MediaStack,
} from './mediaHelpers.ts'

const binary = livekitBinary()

interface VideoClaims {
  room?: string
  roomJoin?: boolean
  roomAdmin?: boolean
  canPublish?: boolean
  canSubscribe?: boolean
  canPublishData?: boolean
  canPublishSources?: string[]
}

describe.skipIf(!binary)('media tokens and webhooks against a real livekit-server', () => {
  let stack: MediaStack
  let t: TestServer
  let verifier: TokenVerifier
  let customer: Account
  let advisor: Account
  let otherAdvisor: Account
  let educator: Account
  let compliance: Account
  let guestToken: string
  let guestId: string

  beforeAll(async () => {
    stack = await startMediaStack()
    t = stack.t
    verifier = new TokenVerifier(stack.lk.apiKey, stack.lk.apiSecret)
    ;[customer, advisor, otherAdvisor, educator, compliance] = await Promise.all([
      register(t),
      staff(t, 'advisor'),
      staff(t, 'advisor'),
      staff(t, 'educator'),
      staff(t, 'compliance'),
    ])
    const g = await guest(t)
    guestToken = g.token
    guestId = g.id
  })
  afterAll(() => stack?.stop())

  const tokenFor = (token: string | undefined, json: unknown) =>
    call<MediaTokenResponse>(t, 'POST', '/api/media/token', { token, json })

  async function grantOf(token: string, json: unknown) {
    const r = await tokenFor(token, json)
    expect(r.status, r.text).toBe(200)
    const claims = await verifier.verify(r.body.token)
    return { body: r.body, claims, video: claims.video as VideoClaims }
  }

  /** An open hand-off request of `visitorId`, as the digital host would have recorded it. */
  async function handoff(visitorId: string): Promise<string> {
    const reference = `H-${[...randomBytes(8)].map((b) => 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'[b % 31]).join('')}`
    await t.server.services.db.db
      .insertInto('handoffs')
      .values({
        reference,
        conversation_id: 'c_test',
        visitor_id: visitorId,
        visitor_role: 'customer',
        packet: '{}',
        status: 'open',
        created_at: Date.now(),
        taken_by: null,
        taken_at: null,
      })
      .execute()
    return reference
  }

  it('tells the client where LiveKit is, and lets the page connect there', async () => {
    const r = await call(t, 'GET', '/api/config')
    expect(r.body.media).toEqual({ url: stack.lk.url })
    expect(r.headers.get('content-security-policy')).toContain(`connect-src 'self' blob: data: ${stack.lk.url}`)
  })

  it('gives no token without authentication', async () => {
    const r = await tokenFor(undefined, { room: 'atrium', instance: 1 })
    expect(r.status).toBe(401)
    expect((await tokenFor('not-a-token-at-all', { room: 'atrium', instance: 1 })).status).toBe(401)
  })

  it('validates the room reference', async () => {
    for (const json of [
      { room: 'atrium' },
      { room: 'atrium', instance: 0 },
      { room: 'atrium', instance: 1000 },
      { room: 'atrium', instance: 1.5 },
      { room: 'atrium', instance: 1, reference: 'H-ABCDEFGH' },
      { room: 'suite', instance: 1 },
      { room: 'suite', reference: 'atrium-1' },
      { room: 'lobby', instance: 1 },
      { room: 'auditorium', instance: '1' },
    ]) {
      const r = await tokenFor(guestToken, json)
      expect(r.status, JSON.stringify(json)).toBe(400)
    }
  })

  it('gives a guest a microphone-only atrium token for its instance, ten minutes long, never roomAdmin', async () => {
    const { body, claims, video } = await grantOf(guestToken, { room: 'atrium', instance: 3 })
    expect(body).toMatchObject({
      url: stack.lk.url,
      identity: guestId,
      roomName: 'atrium-3',
      canPublish: ['microphone'],
    })
    expect(claims.sub).toBe(guestId)
    expect(claims.name).toBeUndefined()
    expect(claims.exp! - claims.nbf!).toBeLessThanOrEqual(600)
    expect(body.expiresAt - Date.now()).toBeLessThanOrEqual(600_000)
    expect(video).toMatchObject({ room: 'atrium-3', roomJoin: true, canPublish: true, canSubscribe: true })
    expect(video.canPublishSources).toEqual(['microphone'])
    expect(video.canPublishData).toBe(false)
    expect(video.roomAdmin).toBeUndefined()
  })

  it('makes educators speakers in the auditorium and everyone else audience', async () => {
    const speaker = await grantOf(educator.token, { room: 'auditorium', instance: 1 })
    expect(speaker.body.canPublish).toEqual(['microphone', 'camera', 'screen_share'])
    expect(speaker.video.canPublishSources).toEqual(['microphone', 'camera', 'screen_share'])
    for (const token of [guestToken, customer.token, advisor.token, compliance.token]) {
      const { body, video } = await grantOf(token, { room: 'auditorium', instance: 1 })
      expect(body.canPublish).toEqual([])
      // publish refusal is checked at the token level here; a browser publishing attempt is the client half's test
      expect(video).toMatchObject({ room: 'auditorium-1', roomJoin: true, canPublish: false, canSubscribe: true })
      expect(video.canPublishSources).toBeUndefined()
      expect(video.roomAdmin).toBeUndefined()
    }
  })

  it('admits the audience to the live room without publish permission', async () => {
    const { body } = await grantOf(guestToken, { room: 'auditorium', instance: 2 })
    const ws = await signalOnlyJoin(body.url, body.token)
    try {
      const rooms = new RoomServiceClient(stack.lk.httpUrl, stack.lk.apiKey, stack.lk.apiSecret)
      const p = await until(
        async () => (await rooms.listParticipants('auditorium-2')).find((x) => x.identity === guestId),
        'the guest in auditorium-2',
      )
      expect(p.permission?.canPublish).toBe(false)
      expect(p.permission?.canSubscribe).toBe(true)
    } finally {
      ws.close()
    }
  })

  it("opens a suite only to its hand-off's customer and the advisor who took it", async () => {
    const ref = await handoff(customer.id)
    const suite = { room: 'suite', reference: ref }
    // before it is taken, the customer may wait in the suite; no advisor may enter
    expect((await grantOf(customer.token, suite)).body.roomName).toBe(`suite-${ref}`)
    expect((await tokenFor(advisor.token, suite)).status).toBe(403)
    const take = await call(t, 'POST', `/api/staff/handoffs/${ref}/take`, { token: advisor.token, json: {} })
    expect(take.status, take.text).toBe(200)
    for (const token of [customer.token, advisor.token]) {
      const { body, video } = await grantOf(token, suite)
      expect(body.canPublish).toEqual(['microphone', 'camera', 'screen_share'])
      expect(video.canPublishSources).toEqual(['microphone', 'camera', 'screen_share'])
      expect(video.roomAdmin).toBeUndefined()
    }
    const stranger = await register(t)
    for (const token of [otherAdvisor.token, educator.token, compliance.token, stranger.token, guestToken]) {
      const r = await tokenFor(token, suite)
      expect(r.status).toBe(403)
      expect(r.error?.code).toBe('forbidden')
    }
    // an unknown reference is refused exactly like someone else's
    expect((await tokenFor(customer.token, { room: 'suite', reference: 'H-ZZZZZZZZ' })).status).toBe(403)
  })

  it('records a correctly signed join and leave in the audit trail', async () => {
    for (const [event, action] of [
      ['participant_joined', 'media.joined'],
      ['participant_left', 'media.left'],
    ] as const) {
      const raw = webhookBody(event, 'atrium-1', customer.id)
      const auth = await signWebhook(raw, stack.lk.apiKey, stack.lk.apiSecret)
      const r = await call(t, 'POST', '/api/media/webhook', {
        raw,
        type: 'application/webhook+json',
        headers: { authorization: auth },
      })
      expect(r.status, r.text).toBe(200)
      expect(r.body.recorded).toBe(true)
      const [entry] = await t.server.services.audit.query({ action, actor: customer.id, limit: 1 })
      expect(entry).toMatchObject({
        actorRole: 'customer',
        subjectId: customer.id,
        detail: { room: 'atrium-1', event },
      })
    }
  })

  it('refuses a webhook with a bad signature and records nothing', async () => {
    const raw = webhookBody('participant_joined', 'atrium-1', guestId)
    const before = await t.server.services.audit.query({ action: 'media.joined', limit: 500 })
    const wrongKey = await signWebhook(raw, stack.lk.apiKey, 'x'.repeat(40))
    const otherBody = await signWebhook(
      webhookBody('participant_joined', 'atrium-2', guestId),
      stack.lk.apiKey,
      stack.lk.apiSecret,
    )
    const headerSets: Record<string, string>[] = [{ authorization: wrongKey }, { authorization: otherBody }, {}]
    for (const headers of headerSets) {
      const r = await call(t, 'POST', '/api/media/webhook', { raw, type: 'application/webhook+json', headers })
      expect(r.status).toBe(401)
      expect(r.error?.code).toBe('invalid_signature')
    }
    const big = 'x'.repeat(70_000)
    const tooBig = await call(t, 'POST', '/api/media/webhook', {
      raw: big,
      headers: { authorization: await signWebhook(big, stack.lk.apiKey, stack.lk.apiSecret) },
    })
    expect(tooBig.status).toBe(413)
    expect(await t.server.services.audit.query({ action: 'media.joined', limit: 500 })).toHaveLength(before.length)
  })

  it("receives the live server's own webhooks: room_started, and a participant leaving", async () => {
    const record = vi.spyOn(t.server.media.webhooks, 'record')
    try {
      const rooms = new RoomServiceClient(stack.lk.httpUrl, stack.lk.apiKey, stack.lk.apiSecret)
      await rooms.createRoom({ name: 'atrium-7' })
      await until(
        async () =>
          record.mock.calls.some(([e]) => e.event === 'room_started' && e.room?.name === 'atrium-7') ? true : undefined,
        'room_started from livekit-server',
      )
      // a signalling-only participant never gets media flowing; when it goes, LiveKit reports the aborted connection
      const { body } = await grantOf(customer.token, { room: 'atrium', instance: 7 })
      const ws = await signalOnlyJoin(body.url, body.token)
      ws.close()
      const left = await until(
        async () =>
          (await t.server.services.audit.query({ action: 'media.left', actor: customer.id, limit: 5 })).find(
            (e) => e.detail.room === 'atrium-7',
          ),
        'media.left from livekit-server',
      )
      expect(left.actorRole).toBe('customer')
    } finally {
      record.mockRestore()
    }
  })
})

describe('media without a LiveKit server', () => {
  it('runs the branch, reports media as unavailable, answers 503 media_unavailable', async () => {
    const t = await startServer()
    try {
      const config = await call(t, 'GET', '/api/config')
      expect(config.body.media).toBeNull()
      expect(config.headers.get('content-security-policy')).not.toContain('ws:')
      const g = await guest(t)
      const r = await call(t, 'POST', '/api/media/token', { token: g.token, json: { room: 'atrium', instance: 1 } })
      expect(r.status).toBe(503)
      expect(r.error).toMatchObject({ code: 'media_unavailable' })
      expect(r.error?.message).toMatch(/voice and video are unavailable/)
      const hook = await call(t, 'POST', '/api/media/webhook', { raw: '{}' })
      expect(hook.status).toBe(503)
    } finally {
      await t.server.close()
    }
  })

  it('requires real keys for LiveKit in production and a ws(s) URL everywhere', () => {
    const prod = { NODE_ENV: 'production', ATRIUM_SECRET: 'x'.repeat(40), ATRIUM_LIVEKIT_URL: 'wss://media.example' }
    expect(() => loadConfig(prod)).toThrow(/LIVEKIT_API_KEY and LIVEKIT_API_SECRET/)
    expect(() => loadConfig({ ...prod, LIVEKIT_API_KEY: 'k', LIVEKIT_API_SECRET: 'short' })).toThrow(/at least 32/)
    expect(loadConfig({ ...prod, LIVEKIT_API_KEY: 'k', LIVEKIT_API_SECRET: 's'.repeat(32) }).livekit).toMatchObject({
      url: 'wss://media.example',
      apiUrl: 'https://media.example',
    })
    expect(() => loadConfig({ ATRIUM_LIVEKIT_URL: "ws://x 'unsafe-inline'" })).toThrow(/ws:\/\/ or wss:\/\//)
    expect(loadConfig({}).livekit).toBeUndefined()
  })

  it('answers 503 when the configured LiveKit server does not answer', async () => {
    const port = await freePort()
    const t = await startServer({
      livekit: {
        url: `ws://127.0.0.1:${port}`,
        apiUrl: `http://127.0.0.1:${port}`,
        apiKey: 'k',
        apiSecret: 's'.repeat(32),
      },
    })
    try {
      const g = await guest(t)
      const r = await call(t, 'POST', '/api/media/token', { token: g.token, json: { room: 'atrium', instance: 1 } })
      expect(r.status).toBe(503)
      expect(r.error?.message).toMatch(/does not answer/)
    } finally {
      await t.server.close()
    }
  })
})

import { EV_C2S, EV_S2C, type MediaTokenResponse, type RoomErrorMsg } from '@atrium/common'
import { RoomServiceClient } from 'livekit-server-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { call, register, staff } from './accountHelpers.ts'
import { attendee, collect, eventually, hostedEvent, joinAuditorium } from './eventHelpers.ts'
import type { TestServer } from './helpers.ts'
import { livekitBinary, signalOnlyJoin, startMediaStack, until, type MediaStack } from './mediaHelpers.ts'

const binary = livekitBinary()

describe.skipIf(!binary)('event media against a real livekit-server', () => {
  let stack: MediaStack
  let t: TestServer
  let rooms: RoomServiceClient

  beforeAll(async () => {
    stack = await startMediaStack()
    t = stack.t
    rooms = new RoomServiceClient(stack.lk.httpUrl, stack.lk.apiKey, stack.lk.apiSecret)
  })
  afterAll(async () => {
    await stack.stop()
  })

  const token = (tok: string, eventId: string) =>
    call<MediaTokenResponse>(t, 'POST', '/api/media/token', { token: tok, json: { room: 'event', event: eventId } })

  it('lets the host present, registered attendees listen, and refuses everyone else', async () => {
    const { host, event } = await hostedEvent(t)
    const a = await attendee(t, event.id, 'Listener')
    const stranger = await register(t)
    const otherEducator = await staff(t, 'educator')
    const h = await token(host.token, event.id)
    expect(h.body).toMatchObject({
      roomName: `event-${event.id}`,
      canPublish: ['microphone', 'camera', 'screen_share'],
    })
    expect((await token(a.token, event.id)).body.canPublish).toEqual([])
    expect((await token(stranger.token, event.id)).status).toBe(403)
    expect((await token(otherEducator.token, event.id)).status).toBe(403)
    expect((await token(a.token, 'ev_unknownevent')).status).toBe(403)
  })

  it('promotes a raised hand to speaker on the live LiveKit connection, and demotes', async () => {
    const { host, event } = await hostedEvent(t)
    const a = await attendee(t, event.id, 'Speaker')
    const b = await attendee(t, event.id, 'Quiet')
    const roomName = `event-${event.id}`
    const wsA = await signalOnlyJoin(stack.lk.url, (await token(a.token, event.id)).body.token)
    const wsB = await signalOnlyJoin(stack.lk.url, (await token(b.token, event.id)).body.token)
    const h = await joinAuditorium(t, host.token, event.id)
    const ra = await joinAuditorium(t, a.token, event.id)
    const errors = collect<RoomErrorMsg>(h, EV_S2C.error)
    ra.send(EV_C2S.hand, { up: true })
    await eventually(() => expect(h.state.hands.length).toBe(1))
    h.send(EV_C2S.speaker, { userId: a.id, speaker: true })
    const promoted = await until(async () => {
      const p = await rooms.getParticipant(roomName, a.id)
      return p.permission?.canPublish ? p : undefined
    }, 'promotion on LiveKit')
    expect(promoted.permission?.canPublishSources.length).toBe(2)
    expect((await rooms.getParticipant(roomName, b.id)).permission?.canPublish).toBe(false)
    // a token refreshed after the promotion keeps it
    expect((await token(a.token, event.id)).body.canPublish).toEqual(['microphone', 'camera'])
    h.send(EV_C2S.speaker, { userId: a.id, speaker: false })
    await until(async () => {
      const p = await rooms.getParticipant(roomName, a.id)
      return p.permission?.canPublish ? undefined : p
    }, 'demotion on LiveKit')
    expect(errors).toEqual([])
    wsA.close()
    wsB.close()
    await Promise.all([h, ra].map((r) => r.leave()))
  })
})

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

  it('keeps a promotion made before the speaker’s voice connection is up', async () => {
    const { host, event } = await hostedEvent(t)
    const early = await attendee(t, event.id, 'Early')
    const late = await attendee(t, event.id, 'Late')
    const gone = await attendee(t, event.id, 'Gone')
    const roomName = `event-${event.id}`
    // Early fetched a token while still in the audience and connects only after the promotion
    const earlyToken = (await token(early.token, event.id)).body
    expect(earlyToken.canPublish).toEqual([])
    const h = await joinAuditorium(t, host.token, event.id)
    const errors = collect<RoomErrorMsg>(h, EV_S2C.error)
    for (const who of [early, late, gone]) h.send(EV_C2S.speaker, { userId: who.id, speaker: true })
    h.send(EV_C2S.speaker, { userId: gone.id, speaker: false })
    await eventually(() => expect(h.state.speakers.map((s) => s.id).sort()).toEqual([early.id, late.id].sort()))
    // nobody was in the voice room yet: the host is not told of a failure, since the promotion waits for them
    expect(errors).toEqual([])

    // a token issued now follows the stage: speakers publish, the demoted attendee listens
    const lateToken = (await token(late.token, event.id)).body
    expect(lateToken.canPublish).toEqual(['microphone', 'camera'])
    expect((await token(gone.token, event.id)).body.canPublish).toEqual([])
    const wsLate = await signalOnlyJoin(stack.lk.url, lateToken.token)
    expect((await rooms.getParticipant(roomName, late.id)).permission?.canPublish).toBe(true)

    // the token minted before the promotion: the server applies the promotion once Early is in the room
    const wsEarly = await signalOnlyJoin(stack.lk.url, earlyToken.token)
    const promoted = await until(
      async () => {
        const p = await rooms.getParticipant(roomName, early.id)
        return p.permission?.canPublish ? p : undefined
      },
      'promotion on arrival',
      15_000,
    )
    expect(promoted.permission?.canPublishSources.length).toBe(2)
    wsLate.close()
    wsEarly.close()
    await h.leave()
  })
})

import {
  EV_C2S,
  EV_S2C,
  type CertificateStatus,
  type DataExport,
  type EventChatLine,
  type QuestionView,
  type RoomErrorMsg,
} from '@atrium/common'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readPdf } from '../src/services/pdf/readPdf.ts'
import { call, register, staff, startOn } from './accountHelpers.ts'
import { DIALECTS } from './db.ts'
import { attendee, collect, eventually, hostedEvent, joinAuditorium, uploadSlides } from './eventHelpers.ts'
import { guest, sleep, type TestServer } from './helpers.ts'

describe.each(DIALECTS)('the auditorium on %s', (kind) => {
  let t: TestServer & { stop(): Promise<void> }

  beforeAll(async () => {
    // two seats per instance, so the third person lands in an overflow instance
    process.env.ATRIUM_EVENT_SEATS = '2'
    t = await startOn(kind)
  })
  afterAll(async () => {
    delete process.env.ATRIUM_EVENT_SEATS
    await t.stop()
  })

  it('admits registered attendees and the host only', async () => {
    const { event } = await hostedEvent(t)
    const stranger = await register(t)
    await expect(joinAuditorium(t, stranger.token, event.id)).rejects.toThrow(/register/)
    await expect(joinAuditorium(t, (await guest(t)).token, event.id)).rejects.toThrow(/register/)
    await expect(joinAuditorium(t, stranger.token, 'ev_doesnotexist')).rejects.toThrow(/not open/)
    const a = await attendee(t, event.id, 'Ann')
    const room = await joinAuditorium(t, a.token, event.id)
    await eventually(() => expect([...room.state.attendees.values()].map((x) => x.name)).toEqual(['Ann']))
    await room.leave()
  })

  it('starts a seat holder in the seat and lets them stand up and sit down again; the host holds no seat', async () => {
    const { host, event } = await hostedEvent(t)
    const a = await attendee(t, event.id, 'Sid')
    const h = await joinAuditorium(t, host.token, event.id)
    const ra = await joinAuditorium(t, a.token, event.id)
    const seatOf = (id: string) => [...h.state.attendees.values()].find((x) => x.id === id)
    await eventually(() => expect(seatOf(a.id)).toMatchObject({ seat: 0, seated: true }))
    expect(seatOf(host.id)).toMatchObject({ seat: 65535, seated: false })
    ra.send(EV_C2S.seat, { seated: false })
    await eventually(() => expect(seatOf(a.id)?.seated).toBe(false))
    ra.send(EV_C2S.seat, { seated: true })
    await eventually(() => expect(seatOf(a.id)?.seated).toBe(true))
    h.send(EV_C2S.seat, { seated: true })
    const errors = collect<RoomErrorMsg>(ra, EV_S2C.error)
    ra.send(EV_C2S.seat, { seated: 'yes' })
    await eventually(() => expect(errors.map((e) => e.code)).toEqual(['invalid_message']))
    expect(seatOf(host.id)?.seated).toBe(false)
    await Promise.all([h, ra].map((r) => r.leave()))
  })

  it('moves slides only for the presenter, in every instance including overflow and late joiners', async () => {
    const { host, event } = await hostedEvent(t)
    await uploadSlides(t, host.token, event.id, 3)
    const [a, b, c] = await Promise.all(['A', 'B', 'C'].map((n) => attendee(t, event.id, n)))
    const presenter = await joinAuditorium(t, host.token, event.id)
    const ra = await joinAuditorium(t, a!.token, event.id)
    const rb = await joinAuditorium(t, b!.token, event.id)
    expect(rb.roomId).not.toBe(ra.roomId)
    await eventually(() => expect(rb.state.instance).toBe(2))
    expect(rb.state.slides).toBe(3)

    const errors = collect<RoomErrorMsg>(ra, EV_S2C.error)
    ra.send(EV_C2S.slide, { page: 2 })
    await eventually(() => expect(errors.map((e) => e.code)).toEqual(['forbidden']))
    presenter.send(EV_C2S.slide, { page: 2 })
    await eventually(() => {
      expect(ra.state.page).toBe(2)
      expect(rb.state.page).toBe(2)
    })
    presenter.send(EV_C2S.slide, { page: 9 })
    const rc = await joinAuditorium(t, c!.token, event.id)
    await eventually(() => expect(rc.state.page).toBe(2))
    await Promise.all([presenter, ra, rb, rc].map((r) => r.leave()))
  })

  it('orders Q&A by votes with one vote per attendee, and hides pending questions from others', async () => {
    const { host, event } = await hostedEvent(t)
    const people = await Promise.all(['Q1', 'Q2', 'Q3'].map((n) => attendee(t, event.id, n)))
    const h = await joinAuditorium(t, host.token, event.id)
    const rooms = await Promise.all(people.map((p) => joinAuditorium(t, p.token, event.id)))
    const hostQs = collect<QuestionView[]>(h, EV_S2C.questions)
    const seen = rooms.map((r) => collect<QuestionView[]>(r, EV_S2C.questions))
    const latest = (list: QuestionView[][]) => list[list.length - 1] ?? []

    rooms[0]!.send(EV_C2S.ask, { text: 'What is a bond?' })
    rooms[1]!.send(EV_C2S.ask, { text: 'How risky are funds?' })
    await eventually(() => expect(latest(hostQs)).toHaveLength(2))
    expect(latest(seen[2]!)).toHaveLength(0)
    expect(latest(seen[0]!).map((q) => q.text)).toEqual(['What is a bond?'])
    const bond = latest(hostQs).find((q) => q.text === 'What is a bond?')
    const funds = latest(hostQs).find((q) => q.text === 'How risky are funds?')
    h.send(EV_C2S.moderate, { questionId: bond!.id, status: 'approved' })
    h.send(EV_C2S.moderate, { questionId: funds!.id, status: 'approved' })
    await eventually(() => expect(latest(seen[2]!)).toHaveLength(2))

    const errors = collect<RoomErrorMsg>(rooms[0]!, EV_S2C.error)
    for (const r of rooms) r.send(EV_C2S.vote, { questionId: funds!.id })
    rooms[0]!.send(EV_C2S.vote, { questionId: funds!.id })
    rooms[2]!.send(EV_C2S.vote, { questionId: bond!.id })
    await eventually(() => {
      const list = latest(seen[0]!)
      expect(list.map((q) => [q.text, q.votes])).toEqual([
        ['How risky are funds?', 3],
        ['What is a bond?', 1],
      ])
      expect(list[0]!.mine).toBe(true)
      expect(errors.map((e) => e.message)).toEqual(['one vote per question'])
    })
    // attendees cannot moderate
    rooms[1]!.send(EV_C2S.moderate, { questionId: bond!.id, status: 'dismissed' })
    h.send(EV_C2S.moderate, { questionId: bond!.id, status: 'answered' })
    await eventually(() => expect(latest(seen[1]!).find((q) => q.id === bond!.id)?.status).toBe('answered'))
    await Promise.all([h, ...rooms].map((r) => r.leave()))
  })

  it('counts poll votes across instances, once per attendee, and scores quizzes', async () => {
    const { host, event } = await hostedEvent(t)
    const people = await Promise.all(['V1', 'V2', 'V3'].map((n) => attendee(t, event.id, n)))
    const h = await joinAuditorium(t, host.token, event.id)
    const rooms = await Promise.all(people.map((p) => joinAuditorium(t, p.token, event.id)))
    h.send(EV_C2S.pollOpen, {
      question: 'Which is riskier?',
      options: ['Bonds', 'Stocks', 'Cash'],
      seconds: 30,
      correct: 1,
    })
    await eventually(() => rooms.forEach((r) => expect(r.state.poll?.open).toBe(true)))
    const pollId = rooms[0]!.state.poll!.id
    const results = rooms.map((r) => collect<{ pollId: number; right: boolean }>(r, EV_S2C.quizResult))
    rooms[0]!.send(EV_C2S.pollVote, { pollId, choice: 1 })
    rooms[0]!.send(EV_C2S.pollVote, { pollId, choice: 0 })
    rooms[1]!.send(EV_C2S.pollVote, { pollId, choice: 1 })
    rooms[2]!.send(EV_C2S.pollVote, { pollId, choice: 2 })
    rooms[2]!.send(EV_C2S.pollVote, { pollId, choice: 7 })
    await eventually(() => {
      for (const r of [h, ...rooms]) expect([...r.state.poll!.counts]).toEqual([0, 2, 1])
    })
    h.send(EV_C2S.pollClose, { pollId })
    await eventually(() => {
      expect(rooms[0]!.state.poll!.open).toBe(false)
      expect(results.map((r) => r[0]?.right)).toEqual([true, true, false])
    })
    await Promise.all([h, ...rooms].map((r) => r.leave()))
  })

  it('keeps a raise-hand queue, lets the host promote, remove and mute; persists and exports chat', async () => {
    const { host, event } = await hostedEvent(t)
    const [a, b] = await Promise.all(['Hana', 'Bo'].map((n) => attendee(t, event.id, n)))
    const h = await joinAuditorium(t, host.token, event.id)
    const ra = await joinAuditorium(t, a!.token, event.id)
    const rb = await joinAuditorium(t, b!.token, event.id)
    rb.send(EV_C2S.hand, { up: true })
    await sleep(20)
    ra.send(EV_C2S.hand, { up: true })
    await eventually(() => expect([...h.state.hands].map((x) => x.name)).toEqual(['Bo', 'Hana']))
    ra.send(EV_C2S.speaker, { userId: a!.id, speaker: true })
    h.send(EV_C2S.speaker, { userId: a!.id, speaker: true })
    await eventually(() => {
      // rb sits in the overflow instance: it sees the queue and the speaker on stage all the same
      expect([...rb.state.hands].map((x) => x.name)).toEqual(['Bo'])
      expect([...rb.state.speakers].map((x) => x.name)).toEqual(['Hana'])
      expect([...h.state.attendees.values()].find((x) => x.id === a!.id)?.speaker).toBe(true)
    })
    const muted = collect(ra, EV_S2C.muted)
    h.send(EV_C2S.muteAll, {})
    await eventually(() => expect(muted).toHaveLength(1))

    ra.send(EV_C2S.chat, { text: 'Hello 大家好' })
    await eventually(async () => {
      const csv = await fetch(`${t.url}/api/events/${event.id}/chat.csv`, {
        headers: { authorization: `Bearer ${host.token}` },
      })
      expect(await csv.text()).toContain('"Hana","Hello 大家好"')
    })
    const exportByAttendee = await call(t, 'GET', `/api/events/${event.id}/chat.csv`, { token: a!.token })
    expect(exportByAttendee.status).toBe(403)

    let closed = 0
    rb.onLeave((code) => (closed = code))
    h.send(EV_C2S.remove, { userId: b!.id })
    await eventually(() => expect(closed).toBe(4403))
    await expect(joinAuditorium(t, b!.token, event.id)).rejects.toThrow(/removed/)
    // a newcomer receives the persisted chat
    const ra2 = await joinAuditorium(t, a!.token, event.id)
    const history = await new Promise<EventChatLine[]>((resolve) => ra2.onMessage(EV_S2C.chatHistory, resolve))
    expect(history.map((l) => l.text)).toContain('Hello 大家好')
    await Promise.all([h, ra, ra2].map((r) => r.leave()))
  })

  it('records attendance and issues a certificate to whoever stayed, not to who left early', async () => {
    const { host, event } = await hostedEvent(t, { minAttendance: 0.5 })
    const [stay, early] = await Promise.all(['Stayer', 'Leaver'].map((n) => attendee(t, event.id, n)))
    const h = await joinAuditorium(t, host.token, event.id)
    const rs = await joinAuditorium(t, stay!.token, event.id)
    const re = await joinAuditorium(t, early!.token, event.id)
    h.send(EV_C2S.phase, { phase: 'live' })
    await eventually(() => expect(rs.state.phase).toBe('live'))
    await sleep(300)
    await re.leave()
    await sleep(1200)
    h.send(EV_C2S.phase, { phase: 'ended' })
    await eventually(() => expect(rs.state.phase).toBe('ended'))

    const status = (token: string) =>
      call<CertificateStatus>(t, 'GET', `/api/events/${event.id}/certificate/status`, { token })
    await eventually(async () =>
      expect((await status(stay!.token)).body).toMatchObject({ eligible: true, reason: 'ok' }),
    )
    const left = (await status(early!.token)).body
    expect(left).toMatchObject({ eligible: false, reason: 'too_short' })
    expect(left.share).toBeLessThan(0.5)

    const pdf = await fetch(`${t.url}/api/events/${event.id}/certificate`, {
      headers: { authorization: `Bearer ${stay!.token}` },
    })
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    const text = readPdf(Buffer.from(await pdf.arrayBuffer())).text.join('\n')
    expect(text).toContain('Stayer')
    expect(text).toContain('养老规划入门')
    expect((await call(t, 'GET', `/api/events/${event.id}/certificate`, { token: early!.token })).status).toBe(403)

    const sheet = await call<{ name: string; eligible: boolean; visits: unknown[] }[]>(
      t,
      'GET',
      `/api/events/${event.id}/attendance`,
      { token: host.token },
    )
    const byName = Object.fromEntries(sheet.body.map((r) => [r.name, r]))
    expect(byName.Stayer).toMatchObject({ eligible: true })
    expect(byName.Leaver).toMatchObject({ eligible: false })
    expect(byName.Leaver!.visits).toHaveLength(1)
    await Promise.all([h, rs].map((r) => r.leave()))
  })

  it('exports and erases what events hold about a person', async () => {
    const { event } = await hostedEvent(t)
    const p = await attendee(t, event.id, 'Pia Private')
    const room = await joinAuditorium(t, p.token, event.id)
    room.send(EV_C2S.chat, { text: 'my private remark' })
    room.send(EV_C2S.ask, { text: 'my private question' })
    const exported = async () => (await call<DataExport>(t, 'GET', '/api/me/export', { token: p.token })).body.events
    await eventually(async () => {
      const ex = await exported()
      expect(ex?.chat.map((c) => c.text)).toEqual(['my private remark'])
      expect(ex?.questions.map((q) => q.text)).toEqual(['my private question'])
    })
    await room.leave()
    const ex = (await exported())!
    expect(ex.registrations).toEqual([expect.objectContaining({ eventId: event.id, status: 'confirmed' })])
    expect(ex.attendance).toHaveLength(1)
    expect((await call(t, 'DELETE', '/api/me', { token: p.token, json: { password: p.password } })).status).toBe(204)
    const db = t.server.services.db.db
    for (const table of ['event_registrations', 'event_attendance'] as const) {
      expect(await db.selectFrom(table).selectAll().where('user_id', '=', p.id).execute()).toEqual([])
    }
    expect(await db.selectFrom('event_chat').selectAll().where('author_id', '=', p.id).execute()).toEqual([])
    expect(await db.selectFrom('event_questions').selectAll().where('author_id', '=', p.id).execute()).toEqual([])
  })

  it('survives garbage: unknown types, bad shapes, floods; the room keeps serving', async () => {
    const { host, event } = await hostedEvent(t)
    const a = await attendee(t, event.id, 'Mallory')
    const ok = await attendee(t, event.id, 'Olive')
    const compliance = await staff(t, 'compliance')
    const h = await joinAuditorium(t, host.token, event.id)
    const rm = await joinAuditorium(t, a.token, event.id)
    const garbage: [string, unknown][] = [
      ['nope', 1],
      [EV_C2S.slide, { page: -1 }],
      [EV_C2S.slide, 'x'],
      [EV_C2S.ask, { text: 'x'.repeat(1000) }],
      [EV_C2S.ask, { text: '\u0000\u202e' }],
      [EV_C2S.vote, { questionId: 99999999 }],
      [EV_C2S.pollVote, { pollId: 1, choice: 0 }],
      [EV_C2S.pollOpen, { question: 'q', options: ['a'], seconds: 10 }],
      [EV_C2S.remove, { userId: host.id }],
      [EV_C2S.yaw, { yaw: 1e9 }],
      [EV_C2S.hand, null],
      [EV_C2S.speaker, { userId: '../../etc', speaker: true }],
    ]
    for (const [type, body] of garbage) rm.send(type, body)
    let closed = 0
    rm.onLeave((code) => (closed = code))
    for (let i = 0; i < 60; i++) rm.send(EV_C2S.vote, { questionId: 'x' })
    await eventually(() => expect(closed).toBe(4429))
    const again = await joinAuditorium(t, ok.token, event.id)
    const oversight = await joinAuditorium(t, compliance.token, event.id)
    // the room still serves: Olive takes the freed seat beside the host, whom Mallory could not remove
    await eventually(() =>
      expect([...h.state.attendees.values()].map((x) => x.name).sort()).toEqual(['Olive', 'Teacher Wu']),
    )
    // oversight staff sit on the stage (of the overflow instance here)
    await eventually(() =>
      expect([...oversight.state.attendees.values()].find((x) => x.id === compliance.id)?.seat).toBe(65535),
    )
    await Promise.all([h, again, oversight].map((r) => r.leave()))
  })
})

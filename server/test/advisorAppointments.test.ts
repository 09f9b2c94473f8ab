import type { AppointmentView, InboxView, SlotView } from '@atrium/common'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { call, staff, startOn, type Account } from './accountHelpers.ts'
import { customers } from './advisorHelpers.ts'
import { DIALECTS } from './db.ts'
import type { TestServer } from './helpers.ts'
import { buildIcs, escapeText, foldLine } from '../src/services/calendar/ics.ts'

const HOUR = 60 * 60 * 1000

describe.each(DIALECTS)('advisor appointments on %s', (dialect) => {
  let t: TestServer & { stop(): Promise<void> }
  let advisor: Account
  beforeAll(async () => {
    t = await startOn(dialect)
    advisor = await staff(t, 'advisor', 'Li Na 李娜')
  })
  afterAll(async () => {
    await t.stop()
  })

  const publish = async (startsAt: number, topics = ['wealth']) => {
    const r = await call<SlotView>(t, 'POST', '/api/advisors/availability', {
      token: advisor.token,
      json: { startsAt, minutes: 30, topics },
    })
    expect(r.status).toBe(201)
    return r.body
  }
  const book = (who: Account, slotId: string, timeZone = 'Asia/Shanghai') =>
    call<AppointmentView>(t, 'POST', '/api/advisors/appointments', {
      token: who.token,
      json: { slotId, topic: 'wealth', timeZone },
    })

  it('lets 50 customers race for 3 slots without a double booking', { timeout: 120_000 }, async () => {
    const base = Date.now() + 48 * HOUR
    const slots = await Promise.all([0, 1, 2].map((i) => publish(base + i * HOUR)))
    const people = await customers(t, 50, 'Racer')
    const results = await Promise.all(people.map((c, i) => book(c, slots[i % 3]!.id)))
    const ok = results.filter((r) => r.status === 201)
    expect(ok).toHaveLength(3)
    expect(results.filter((r) => r.status === 409)).toHaveLength(47)
    expect(new Set(ok.map((r) => r.body.slotId))).toEqual(new Set(slots.map((s) => s.id)))
    const live = await t.server.services.db.db
      .selectFrom('advisor_appointments')
      .select('slot_id')
      .where('status', '=', 'booked')
      .where(
        'slot_id',
        'in',
        slots.map((s) => s.id),
      )
      .execute()
    expect(live).toHaveLength(3)
    // the booked slots are no longer offered
    const open = await call<{ slots: SlotView[] }>(t, 'GET', '/api/advisors/slots', { token: people[0]!.token })
    expect(open.body.slots.filter((s) => slots.some((x) => x.id === s.id))).toHaveLength(0)
  })

  it('moves and cancels, and concurrent moves to one slot leave one winner', async () => {
    const base = Date.now() + 72 * HOUR
    const [s1, s2, s3] = await Promise.all([publish(base), publish(base + HOUR), publish(base + 2 * HOUR)])
    const [a, b] = await customers(t, 2, 'Mover')
    const ap = (await book(a!, s1!.id, 'Europe/Berlin')).body
    const bp = (await book(b!, s2!.id)).body
    expect(ap).toMatchObject({ status: 'booked', timeZone: 'Europe/Berlin', startsAt: base })
    const moves = await Promise.all([
      call<AppointmentView>(t, 'PATCH', `/api/advisors/appointments/${ap.id}`, {
        token: a!.token,
        json: { slotId: s3!.id },
      }),
      call<AppointmentView>(t, 'PATCH', `/api/advisors/appointments/${bp.id}`, {
        token: b!.token,
        json: { slotId: s3!.id },
      }),
    ])
    expect(moves.map((m) => m.status).sort()).toEqual([200, 409])
    const winner = moves.find((m) => m.status === 200)!.body
    expect(winner.slotId).toBe(s3!.id)
    // the loser kept their original slot; the winner's old slot is open again
    const mine = async (who: Account) =>
      (await call<{ appointments: AppointmentView[] }>(t, 'GET', '/api/advisors/appointments', { token: who.token }))
        .body.appointments
    const loser = winner.id === ap.id ? b! : a!
    expect((await mine(loser))[0]!.slotId).toBe(winner.id === ap.id ? s2!.id : s1!.id)
    // someone else cannot touch another's appointment, and cancelling frees the slot
    expect((await call(t, 'DELETE', `/api/advisors/appointments/${winner.id}`, { token: loser.token })).status).toBe(
      404,
    )
    expect(
      (
        await call(t, 'DELETE', `/api/advisors/appointments/${winner.id}`, {
          token: (winner.id === ap.id ? a : b)!.token,
        })
      ).status,
    ).toBe(204)
    // the freed slot can be booked again
    expect((await book(loser, s3!.id)).status).toBe(201)
  })

  it('refuses bad slots and bookings', async () => {
    const [c] = await customers(t, 1, 'Bad')
    const past = await call(t, 'POST', '/api/advisors/availability', {
      token: advisor.token,
      json: { startsAt: Date.now() - HOUR, minutes: 30, topics: ['cards'] },
    })
    expect(past.status).toBe(400)
    const odd = await call(t, 'POST', '/api/advisors/availability', {
      token: advisor.token,
      json: { startsAt: Date.now() + HOUR, minutes: 7, topics: ['cards'] },
    })
    expect(odd.status).toBe(400)
    const s = await publish(Date.now() + 100 * HOUR, ['cards'])
    expect(
      (
        await call(t, 'POST', '/api/advisors/availability', {
          token: advisor.token,
          json: { startsAt: s.startsAt + 10 * 60_000, minutes: 30, topics: ['cards'] },
        })
      ).status,
    ).toBe(409)
    expect((await book(c!, s.id, 'Mars/Olympus')).status).toBe(400)
    expect((await book(c!, s.id)).status).toBe(400) // a cards slot booked for wealth
    expect(
      (
        await call(t, 'POST', '/api/advisors/availability', {
          token: c!.token,
          json: { startsAt: Date.now() + HOUR, minutes: 30, topics: ['cards'] },
        })
      ).status,
    ).toBe(403)
  })

  it('reminds in the app and exports an RFC 5545 calendar file', async () => {
    const soon = await publish(Date.now() + 3 * HOUR)
    const [c] = await customers(t, 1, 'Reminded')
    const ap = (await book(c!, soon.id)).body
    const inbox = await call<InboxView>(t, 'GET', '/api/advisors/inbox', { token: c!.token })
    expect(inbox.body.reminders).toEqual([
      expect.objectContaining({ appointmentId: ap.id, timeZone: 'Asia/Shanghai', advisorName: 'Li Na 李娜' }),
    ])
    const res = await fetch(`${t.url}/api/advisors/appointments/${ap.id}/ics`, {
      headers: { authorization: `Bearer ${c!.token}` },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/)
    const text = await res.text()
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    const start = new Date(soon.startsAt)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '')
    expect(text).toContain(`DTSTART:${start}`)
    expect(text).toContain(`UID:${ap.id}@atrium`)
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
    const other = (await customers(t, 1, 'Nosy'))[0]!
    expect((await call(t, 'GET', `/api/advisors/appointments/${ap.id}/ics`, { token: other.token })).status).toBe(404)
  })
})

describe('ics text', () => {
  it('escapes TEXT values and folds long lines between characters', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne')
    const long = `DESCRIPTION:${'理财'.repeat(40)}`
    const folded = foldLine(long)
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75)
    expect(
      folded
        .split('\r\n')
        .map((p, i) => (i === 0 ? p : p.slice(1)))
        .join(''),
    ).toBe(long)
    const ics = buildIcs({
      uid: 'x@atrium',
      startsAt: 0,
      endsAt: 1800_000,
      stamp: 0,
      alarmMinutes: 15,
      summary: 'A, B',
      description: 'x',
    })
    expect(ics).toContain('DTSTART:19700101T000000Z\r\nDTEND:19700101T003000Z\r\nSUMMARY:A\\, B\r\n')
    expect(ics).toContain('TRIGGER:-PT15M')
  })
})

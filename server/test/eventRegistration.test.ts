import type { EventView, HostRegistrationView, RegistrationView } from '@atrium/common'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { call, register, staff, startOn } from './accountHelpers.ts'
import { DIALECTS } from './db.ts'
import { eventBody, hostedEvent, PNG_1PX, uploadSlides } from './eventHelpers.ts'
import type { TestServer } from './helpers.ts'

describe.each(DIALECTS)('events and registration on %s', (kind) => {
  let t: TestServer & { stop(): Promise<void> }

  beforeAll(async () => {
    t = await startOn(kind)
  })
  afterAll(async () => {
    await t.stop()
  })

  it('lets educators schedule, edit and cancel; lists events for everyone', async () => {
    const { host, event } = await hostedEvent(t, { capacity: 3 })
    expect(event).toMatchObject({ status: 'scheduled', capacity: 3, confirmed: 0, hostName: 'Teacher Wu' })
    const listed = await call<EventView[]>(t, 'GET', '/api/events')
    expect(listed.body.map((e) => e.id)).toContain(event.id)

    const customer = await register(t)
    expect((await call(t, 'POST', '/api/events', { token: customer.token, json: eventBody() })).status).toBe(403)
    const otherEducator = await staff(t, 'educator', 'Another')
    const path = `/api/events/${event.id}`
    expect((await call(t, 'PATCH', path, { token: otherEducator.token, json: { capacity: 9 } })).status).toBe(403)
    const edited = await call<EventView>(t, 'PATCH', path, { token: host.token, json: { capacity: 5 } })
    expect(edited.body.capacity).toBe(5)
    expect((await call(t, 'PATCH', path, { token: host.token, json: { capacity: 0 } })).status).toBe(400)
    expect((await call(t, 'PATCH', path, { token: host.token, json: { title: {} } })).status).toBe(400)
    const cancelled = await call<EventView>(t, 'POST', `${path}/cancel`, { token: host.token })
    expect(cancelled.body.status).toBe('cancelled')
    const late = await call(t, 'POST', `${path}/registration`, { token: customer.token })
    expect(late.status).toBe(409)
  })

  it('never over-books under concurrent registration and promotes the waitlist in order', async () => {
    const { host, event } = await hostedEvent(t, { capacity: 4 })
    const people = await Promise.all(Array.from({ length: 12 }, (_, i) => register(t, { displayName: `P${i}` })))
    const path = `/api/events/${event.id}/registration`
    const results = await Promise.all(people.map((p) => call<RegistrationView>(t, 'POST', path, { token: p.token })))
    expect(results.every((r) => r.status === 200)).toBe(true)
    const statuses = results.map((r) => r.body.status)
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(4)
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(8)
    // registering twice changes nothing
    expect((await call<RegistrationView>(t, 'POST', path, { token: people[0]!.token })).body.status).toBe(statuses[0])

    const list = await call<HostRegistrationView[]>(t, 'GET', `/api/events/${event.id}/registrations`, {
      token: host.token,
    })
    const waitlist = list.body.filter((r) => r.status === 'waitlisted').map((r) => r.userId)
    expect(list.body.filter((r) => r.status === 'waitlisted').map((r) => r.waitlistPosition)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ])
    const byId = new Map(people.map((p) => [p.id, p]))
    expect((await call<RegistrationView>(t, 'GET', path, { token: byId.get(waitlist[2]!)!.token })).body).toMatchObject(
      {
        status: 'waitlisted',
        waitlistPosition: 3,
      },
    )
    // non-hosts cannot read the list
    expect((await call(t, 'GET', `/api/events/${event.id}/registrations`, { token: people[0]!.token })).status).toBe(
      403,
    )

    // three confirmed attendees cancel at once: the first three on the waitlist move up, in order
    const confirmed = list.body.filter((r) => r.status === 'confirmed').map((r) => byId.get(r.userId)!)
    await Promise.all(confirmed.slice(0, 3).map((p) => call(t, 'DELETE', path, { token: p.token })))
    const after = await call<HostRegistrationView[]>(t, 'GET', `/api/events/${event.id}/registrations`, {
      token: host.token,
    })
    const nowConfirmed = after.body.filter((r) => r.status === 'confirmed').map((r) => r.userId)
    expect(nowConfirmed).toHaveLength(4)
    expect(nowConfirmed).toEqual(expect.arrayContaining(waitlist.slice(0, 3)))
    expect(after.body.filter((r) => r.status === 'waitlisted').map((r) => r.userId)).toEqual(waitlist.slice(3))
    // the promoted attendee sees a reminder
    const reminders = await call<{ kind: string; eventId: string }[]>(t, 'GET', '/api/events/reminders', {
      token: byId.get(waitlist[0]!)!.token,
    })
    expect(reminders.body).toEqual([expect.objectContaining({ eventId: event.id, kind: 'promoted' })])

    // a larger capacity seats the next two at once
    await call(t, 'PATCH', `/api/events/${event.id}`, { token: host.token, json: { capacity: 6 } })
    const view = await call<EventView>(t, 'GET', `/api/events/${event.id}`)
    expect(view.body).toMatchObject({ confirmed: 6, waitlisted: 3 })
  })

  it('gives an erased attendee’s seat to the head of the waitlist at once', async () => {
    const { event } = await hostedEvent(t, { capacity: 2 })
    const path = `/api/events/${event.id}/registration`
    const signUp = async (name: string) => {
      const p = await register(t, { displayName: name })
      await call(t, 'POST', path, { token: p.token })
      return p
    }
    // one after another, so the waitlist order is known
    const erin = await signUp('Erin')
    await signUp('Fay')
    const gus = await signUp('Gus')
    const hal = await signUp('Hal')
    expect((await call<RegistrationView>(t, 'GET', path, { token: gus.token })).body.status).toBe('waitlisted')
    const erased = await call(t, 'DELETE', '/api/me', { token: erin.token, json: { password: erin.password } })
    expect(erased.status).toBe(204)
    // no further registration change is needed: Gus holds the seat, Hal moves up to first in line
    expect((await call<RegistrationView>(t, 'GET', path, { token: gus.token })).body.status).toBe('confirmed')
    expect((await call<RegistrationView>(t, 'GET', path, { token: hal.token })).body).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
    })
    expect((await call<EventView>(t, 'GET', `/api/events/${event.id}`)).body).toMatchObject({
      confirmed: 2,
      waitlisted: 1,
    })
    const reminders = await call<{ kind: string; eventId: string }[]>(t, 'GET', '/api/events/reminders', {
      token: gus.token,
    })
    expect(reminders.body).toEqual([expect.objectContaining({ eventId: event.id, kind: 'promoted' })])
  })

  it('holds registrations for approval when the event requires it', async () => {
    const { host, event } = await hostedEvent(t, { capacity: 1, approvalRequired: true })
    const [a, b] = [await register(t), await register(t)]
    const path = `/api/events/${event.id}/registration`
    expect((await call<RegistrationView>(t, 'POST', path, { token: a.token })).body.status).toBe('pending')
    expect((await call<RegistrationView>(t, 'POST', path, { token: b.token })).body.status).toBe('pending')
    const decide = (id: string, approve: boolean, token = host.token) =>
      call(t, 'POST', `/api/events/${event.id}/registrations/${id}`, { token, json: { approve } })
    expect((await decide(a.id, true, b.token)).status).toBe(403)
    expect((await decide(a.id, true)).status).toBe(204)
    expect((await decide(b.id, true)).status).toBe(204)
    expect((await call<RegistrationView>(t, 'GET', path, { token: a.token })).body.status).toBe('confirmed')
    expect((await call<RegistrationView>(t, 'GET', path, { token: b.token })).body.status).toBe('waitlisted')
    expect((await decide(b.id, false)).status).toBe(404)
    const c = await register(t)
    await call(t, 'POST', path, { token: c.token })
    expect((await decide(c.id, false)).status).toBe(204)
    expect((await call(t, 'POST', path, { token: c.token })).status).toBe(409)
  })

  it('serves an RFC 5545 calendar entry with CRLF, escaping and folding', async () => {
    const long = '长'.repeat(60)
    const { event } = await hostedEvent(t, { title: { 'zh-CN': long, en: 'Risk; return, and you' } })
    const res = await fetch(`${t.url}/api/events/${event.id}/ics`)
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/)
    const text = await res.text()
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/)
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
    const unfolded = text.replace(/\r\n /g, '')
    expect(unfolded).toContain(`SUMMARY:${long} / Risk\\; return\\, and you`)
    expect(unfolded).toContain('DESCRIPTION:Budgets\\, risk\\; and\\, commas')
    expect(unfolded).toMatch(/DTSTART:\d{8}T\d{6}Z\r\n/)
    expect(unfolded).toContain(`UID:${event.id}@atrium`)
  })

  it('stores image slides in the database, only from the host, only real images', async () => {
    const { host, event } = await hostedEvent(t)
    await uploadSlides(t, host.token, event.id, 2)
    const customer = await register(t)
    const post = (token: string, type: string, body: Buffer) =>
      fetch(`${t.url}/api/events/${event.id}/slides`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': type },
        body: new Uint8Array(body),
      })
    expect((await post(customer.token, 'image/png', PNG_1PX)).status).toBe(403)
    expect((await post(host.token, 'image/png', Buffer.from('<svg onload=alert(1)>'))).status).toBe(415)
    expect((await post(host.token, 'image/svg+xml', PNG_1PX)).status).toBe(415)
    const view = await call<EventView>(t, 'GET', `/api/events/${event.id}`)
    expect(view.body.slides).toBe(2)
    // attendees only: the customer must register first
    const get = (token: string) =>
      fetch(`${t.url}/api/events/${event.id}/slides/1`, { headers: { authorization: `Bearer ${token}` } })
    expect((await get(customer.token)).status).toBe(403)
    await call(t, 'POST', `/api/events/${event.id}/registration`, { token: customer.token })
    const img = await get(customer.token)
    expect(img.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await img.arrayBuffer()).equals(PNG_1PX)).toBe(true)
  })
})

import { AuditoriumState, type CreateEventRequest, type EventView } from '@atrium/common'
import { Client, type Room } from 'colyseus.js'
import { vi } from 'vitest'

import { call, register, staff, type Account } from './accountHelpers.ts'
import type { TestServer } from './helpers.ts'

/** A valid event body starting in an hour; override what a test needs. */
export function eventBody(over: Partial<CreateEventRequest> = {}): Record<string, unknown> {
  return {
    title: { 'zh-CN': '养老规划入门', en: 'Retirement planning basics' },
    description: { en: 'Budgets, risk; and, commas' },
    startsAt: Date.now() + 3600_000,
    durationMinutes: 60,
    capacity: 10,
    lang: 'both',
    ...over,
  }
}

/** An educator and an event they host. */
export async function hostedEvent(
  t: TestServer,
  over: Partial<CreateEventRequest> = {},
): Promise<{ host: Account; event: EventView }> {
  const host = await staff(t, 'educator', 'Teacher Wu')
  const r = await call<EventView>(t, 'POST', '/api/events', { token: host.token, json: eventBody(over) })
  if (r.status !== 201) throw new Error(`create event failed: ${r.status} ${r.text}`)
  return { host, event: r.body }
}

/** A customer with a confirmed registration for the event. */
export async function attendee(t: TestServer, eventId: string, name: string): Promise<Account> {
  const a = await register(t, { displayName: name })
  const r = await call(t, 'POST', `/api/events/${eventId}/registration`, { token: a.token })
  if (r.status !== 200 || r.body.status !== 'confirmed') throw new Error(`registration failed: ${r.status} ${r.text}`)
  return a
}

/** A real colyseus.js client in the event's auditorium. */
export async function joinAuditorium(t: TestServer, token: string, eventId: string): Promise<Room<AuditoriumState>> {
  const client = new Client(`ws://127.0.0.1:${t.port}`)
  client.auth.token = token
  const room = await client.joinOrCreate('auditorium', { eventId }, AuditoriumState)
  // messages a test does not collect are expected; keep colyseus.js from warning about each
  room.onMessage('*', () => {})
  return room
}

/** The smallest valid PNG (1×1), for slide uploads. */
export const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)

/** Uploads `n` slides as the host. */
export async function uploadSlides(t: TestServer, token: string, eventId: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${t.url}/api/events/${eventId}/slides`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' },
      body: new Uint8Array(PNG_1PX),
    })
    if (res.status !== 201) throw new Error(`slide upload failed: ${res.status} ${await res.text()}`)
  }
}

/** Collects messages of one type a room receives. */
export function collect<T>(room: Room, type: string): T[] {
  const out: T[] = []
  room.onMessage(type, (m: T) => out.push(m))
  return out
}

/** Waits until `check` passes (vi.waitFor with a generous timeout for slow CI machines). */
export const eventually = (check: () => void, timeout = 8000) => vi.waitFor(check, { timeout, interval: 30 })

import type { Transaction } from 'kysely'
import { sql } from 'kysely'

import type { Database } from '../../db/schema.ts'
import { NotFound } from '../privacy/StaffAccess.ts'
import { EventStateError } from './EventService.ts'

type Trx = Transaction<Database>

/**
 * Bumps the event's registration sequence: the conditional UPDATE that takes the row lock. Refuses events that
 * are cancelled or over (`anyStatus` lets cancellations through whatever the event's state).
 */
export async function lockEvent(trx: Trx, eventId: string, anyStatus = false) {
  let q = trx
    .updateTable('events')
    .set((eb) => ({ reg_seq: eb('reg_seq', '+', 1) }))
    .where('id', '=', eventId)
  if (!anyStatus) q = q.where('status', 'in', ['scheduled', 'live'])
  const ev = await q.returning(['reg_seq', 'capacity', 'approval', 'host_id', 'status']).executeTakeFirst()
  if (!ev) {
    const exists = await trx.selectFrom('events').select('status').where('id', '=', eventId).executeTakeFirst()
    if (!exists) throw new NotFound('no such event')
    throw new EventStateError(`the event is ${exists.status}`)
  }
  return ev
}

export async function confirmedCount(trx: Trx, eventId: string): Promise<number> {
  const r = await trx
    .selectFrom('event_registrations')
    .select(sql<number>`count(*)`.as('n'))
    .where('event_id', '=', eventId)
    .where('status', '=', 'confirmed')
    .executeTakeFirst()
  return Number(r?.n ?? 0)
}

/** Moves the head of the waitlist to confirmed while seats are free, in waitlist order. */
export async function fill(trx: Trx, eventId: string, capacity: number): Promise<void> {
  let free = capacity - (await confirmedCount(trx, eventId))
  while (free > 0) {
    const next = await trx
      .selectFrom('event_registrations')
      .select('user_id')
      .where('event_id', '=', eventId)
      .where('status', '=', 'waitlisted')
      .orderBy('seq')
      .limit(1)
      .executeTakeFirst()
    if (!next) return
    await trx
      .updateTable('event_registrations')
      .set({ status: 'confirmed', promoted_at: Date.now(), updated_at: Date.now() })
      .where('event_id', '=', eventId)
      .where('user_id', '=', next.user_id)
      .where('status', '=', 'waitlisted')
      .execute()
    free--
  }
}

/**
 * Removes every registration of `userId` (an erased account) and gives each freed seat to the head of that event's
 * waitlist at once, with the same promotion as a cancellation. Each event whose seat is freed is locked first, as
 * every registration change locks its event before its rows, so seats are counted on committed data; in id order,
 * so two erasures sharing events wait for each other instead of deadlocking on PostgreSQL.
 */
export async function withdrawEverywhere(trx: Trx, userId: string): Promise<void> {
  const held = await trx
    .selectFrom('event_registrations')
    .select('event_id')
    .where('user_id', '=', userId)
    .where('status', '=', 'confirmed')
    .orderBy('event_id')
    .execute()
  const locked = []
  for (const r of held) locked.push({ id: r.event_id, ...(await lockEvent(trx, r.event_id, true)) })
  await trx.deleteFrom('event_registrations').where('user_id', '=', userId).execute()
  // a cancelled or finished event has no seat to give
  for (const ev of locked) if (ev.status === 'scheduled' || ev.status === 'live') await fill(trx, ev.id, ev.capacity)
}

import type { PolicyContext } from '../../policy/policy.ts'
import type { AtriumDb } from '../../db/database.ts'

/**
 * The policy context of an event's media room for one caller: the event's host and whether the caller holds a
 * confirmed registration. An unknown or cancelled event has no host and no registrations, so everyone but
 * oversight staff is refused alike.
 */
export async function eventMediaContext(handle: AtriumDb, eventId: string, userId: string): Promise<PolicyContext> {
  const ev = await handle.db
    .selectFrom('events')
    .select(['host_id', 'status'])
    .where('id', '=', eventId)
    .executeTakeFirst()
  if (!ev || ev.status === 'cancelled') return { mediaRoom: 'event', registered: false }
  const reg = await handle.db
    .selectFrom('event_registrations')
    .select('status')
    .where('event_id', '=', eventId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return { mediaRoom: 'event', eventHost: ev.host_id, registered: reg?.status === 'confirmed' }
}

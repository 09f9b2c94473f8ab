import {
  MAX_BOOKING_AHEAD_MS,
  type AdvisorTopic,
  type PublishSlotRequest,
  type SlotQuery,
  type SlotView,
} from '@atrium/common'

import type { AtriumDb } from '../../db/database.ts'
import { authorize, type Principal } from '../../policy/policy.ts'
import { AdvisorError } from './AdvisorError.ts'
import { rowId } from './ids.ts'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Advisors' published availability: non-overlapping slots per advisor (checked, and a unique (advisor, start)
 * constraint for the concurrent case). Customers see the open ones; booking them is Appointments' job.
 */
export class Availability {
  constructor(private readonly handle: AtriumDb) {}

  /** Publishes one slot of the caller's availability. */
  async publish(who: Principal, req: PublishSlotRequest): Promise<SlotView> {
    authorize(who, 'advisor.serve')
    const now = Date.now()
    if (req.startsAt <= now || req.startsAt > now + MAX_BOOKING_AHEAD_MS)
      throw new AdvisorError(400, 'invalid_slot', 'a slot starts in the future, within 90 days')
    const endsAt = req.startsAt + req.minutes * 60_000
    const overlap = await this.handle.db
      .selectFrom('advisor_slots')
      .select('id')
      .where('advisor_id', '=', who.id)
      .where('withdrawn', '=', 0)
      .where('starts_at', '<', endsAt)
      .where('ends_at', '>', req.startsAt)
      .executeTakeFirst()
    if (overlap) throw new AdvisorError(409, 'slot_overlap', 'this overlaps a slot already published')
    const id = rowId('sl')
    const topics = [...new Set(req.topics)]
    try {
      await this.handle.db
        .insertInto('advisor_slots')
        .values({
          id,
          advisor_id: who.id,
          starts_at: req.startsAt,
          ends_at: endsAt,
          topics: JSON.stringify(topics),
          booked_by: null,
          withdrawn: 0,
          created_at: now,
        })
        .execute()
    } catch {
      // the (advisor, start) unique constraint: the same slot published twice at once
      throw new AdvisorError(409, 'slot_overlap', 'this overlaps a slot already published')
    }
    return (await this.slots({ ids: [id] }))[0]!
  }

  /** Withdraws an unbooked slot of the caller's. */
  async withdraw(who: Principal, slotId: string): Promise<void> {
    authorize(who, 'advisor.serve')
    const r = await this.handle.db
      .updateTable('advisor_slots')
      .set({ withdrawn: 1 })
      .where('id', '=', slotId)
      .where('advisor_id', '=', who.id)
      .where('booked_by', 'is', null)
      .where('withdrawn', '=', 0)
      .executeTakeFirst()
    if (Number(r.numUpdatedRows) === 0)
      throw new AdvisorError(409, 'slot_booked', 'only an open slot of yours can be withdrawn')
  }

  /** The caller's upcoming slots, booked or not (the availability editor). */
  async mySlots(who: Principal): Promise<SlotView[]> {
    authorize(who, 'advisor.serve')
    return this.slots({
      advisorId: who.id,
      from: Date.now() - DAY_MS,
      to: Date.now() + MAX_BOOKING_AHEAD_MS,
      includeBooked: true,
    })
  }

  /** Open slots customers can book. */
  async openSlots(q: SlotQuery): Promise<SlotView[]> {
    const now = Date.now()
    const from = Math.max(now, q.from ?? now)
    const to = Math.min(q.to ?? now + 14 * DAY_MS, now + MAX_BOOKING_AHEAD_MS)
    const slots = await this.slots({ from, to, includeBooked: false })
    return q.topic ? slots.filter((s) => s.topics.includes(q.topic!)) : slots
  }

  /** Slots by filter, with the advisor's display name. */
  async slots(f: {
    ids?: string[]
    advisorId?: string
    from?: number
    to?: number
    includeBooked?: boolean
  }): Promise<SlotView[]> {
    let q = this.handle.db
      .selectFrom('advisor_slots as s')
      .innerJoin('users as u', 'u.id', 's.advisor_id')
      .select(['s.id', 's.advisor_id', 's.starts_at', 's.ends_at', 's.topics', 's.booked_by', 'u.display_name'])
      .where('s.withdrawn', '=', 0)
    if (f.ids) q = q.where('s.id', 'in', f.ids)
    if (f.advisorId) q = q.where('s.advisor_id', '=', f.advisorId)
    if (f.from !== undefined) q = q.where('s.starts_at', '>=', f.from)
    if (f.to !== undefined) q = q.where('s.starts_at', '<', f.to)
    if (!f.includeBooked) q = q.where('s.booked_by', 'is', null)
    const rows = await q.orderBy('s.starts_at').limit(500).execute()
    return rows.map((r) => ({
      id: r.id,
      advisor: { id: r.advisor_id, displayName: r.display_name },
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      topics: JSON.parse(r.topics) as AdvisorTopic[],
      booked: r.booked_by !== null,
    }))
  }
}

import type {
  EventReminder,
  HostRegistrationView,
  RegistrationStatus,
  RegistrationView,
  BilingualText,
} from '@atrium/common'
import { sql } from 'kysely'

import type { AtriumDb } from '../../db/database.ts'
import { authorize, type Principal } from '../../policy/policy.ts'
import type { AuditLog } from '../audit/AuditLog.ts'
import { NotFound } from '../privacy/StaffAccess.ts'
import { EventStateError } from './EventService.ts'
import { confirmedCount, fill, lockEvent } from './registrationQueue.ts'

/** Registrations that hold, or wait for, a seat. */
const ACTIVE: RegistrationStatus[] = ['confirmed', 'waitlisted', 'pending']
/** Reminders are shown from this long before the start. */
const REMIND_MS = 24 * 3600 * 1000

/**
 * Registration with capacity and an ordered waitlist. Every change runs in one transaction that first bumps the
 * event's `reg_seq` with a conditional UPDATE: on PostgreSQL that takes the event row's lock, so concurrent
 * registrations and cancellations of one event run one after another and seats are counted on committed data; on
 * SQLite the single writer serializes them anyway. The bumped value orders the waitlist.
 */
export class RegistrationService {
  constructor(
    private readonly handle: AtriumDb,
    private readonly audit: AuditLog,
  ) {}

  /** Registers the caller: confirmed while seats are free, waitlisted after, pending when approval is required. */
  async register(who: Principal, eventId: string): Promise<RegistrationView> {
    authorize(who, 'events.register')
    await this.handle.db.transaction().execute(async (trx) => {
      const ev = await lockEvent(trx, eventId)
      const now = Date.now()
      const existing = await trx
        .selectFrom('event_registrations')
        .select('status')
        .where('event_id', '=', eventId)
        .where('user_id', '=', who.id)
        .executeTakeFirst()
      if (existing && ACTIVE.includes(existing.status as RegistrationStatus)) return
      if (existing?.status === 'rejected') throw new EventStateError('the host declined this registration')
      const status: RegistrationStatus = ev.approval
        ? 'pending'
        : (await confirmedCount(trx, eventId)) < ev.capacity
          ? 'confirmed'
          : 'waitlisted'
      if (existing) {
        await trx
          .updateTable('event_registrations')
          .set({ status, seq: ev.reg_seq, promoted_at: null, updated_at: now })
          .where('event_id', '=', eventId)
          .where('user_id', '=', who.id)
          .execute()
      } else {
        await trx
          .insertInto('event_registrations')
          .values({
            event_id: eventId,
            user_id: who.id,
            status,
            seq: ev.reg_seq,
            promoted_at: null,
            created_at: now,
            updated_at: now,
          })
          .execute()
      }
    })
    return this.mine(who.id, eventId)
  }

  /** Cancels the caller's registration; a freed seat goes to the head of the waitlist in the same transaction. */
  async cancel(who: Principal, eventId: string): Promise<RegistrationView> {
    await this.handle.db.transaction().execute(async (trx) => {
      const ev = await lockEvent(trx, eventId, true)
      await trx
        .updateTable('event_registrations')
        .set({ status: 'cancelled', updated_at: Date.now() })
        .where('event_id', '=', eventId)
        .where('user_id', '=', who.id)
        .where('status', 'in', ACTIVE)
        .execute()
      await fill(trx, eventId, ev.capacity)
    })
    return this.mine(who.id, eventId)
  }

  /** The host approves (seat or waitlist) or rejects a pending registration. */
  async decide(who: Principal, eventId: string, userId: string, approve: boolean): Promise<void> {
    await this.handle.db.transaction().execute(async (trx) => {
      const ev = await lockEvent(trx, eventId)
      authorize(who, 'events.manage', { eventHost: ev.host_id })
      const status = approve
        ? (await confirmedCount(trx, eventId)) < ev.capacity
          ? 'confirmed'
          : 'waitlisted'
        : 'rejected'
      const r = await trx
        .updateTable('event_registrations')
        .set({ status, seq: ev.reg_seq, updated_at: Date.now() })
        .where('event_id', '=', eventId)
        .where('user_id', '=', userId)
        .where('status', '=', 'pending')
        .executeTakeFirst()
      if (Number(r.numUpdatedRows) === 0) throw new NotFound('no pending registration for this person')
      await this.audit.append(
        { actor: who, action: 'event.moderated', subjectId: userId, detail: { event: eventId, op: status } },
        trx,
      )
    })
  }

  /** Promotes from the waitlist while seats are free (after the host raised the capacity). */
  async refill(eventId: string): Promise<void> {
    await this.handle.db.transaction().execute(async (trx) => {
      const ev = await lockEvent(trx, eventId, true)
      await fill(trx, eventId, ev.capacity)
    })
  }

  /** The caller's registration (status 'cancelled' with no row). */
  async mine(userId: string, eventId: string): Promise<RegistrationView> {
    const row = await this.handle.db
      .selectFrom('event_registrations')
      .select(['status', 'seq', 'updated_at'])
      .where('event_id', '=', eventId)
      .where('user_id', '=', userId)
      .executeTakeFirst()
    if (!row) return { eventId, status: 'cancelled', waitlistPosition: null, updatedAt: 0 }
    return {
      eventId,
      status: row.status as RegistrationStatus,
      waitlistPosition: row.status === 'waitlisted' ? await this.position(eventId, row.seq) : null,
      updatedAt: row.updated_at,
    }
  }

  /** Every registration of the caller that is not cancelled. */
  async listMine(userId: string): Promise<RegistrationView[]> {
    const rows = await this.handle.db
      .selectFrom('event_registrations')
      .select('event_id')
      .where('user_id', '=', userId)
      .where('status', '!=', 'cancelled')
      .execute()
    return Promise.all(rows.map((r) => this.mine(userId, r.event_id)))
  }

  async isConfirmed(userId: string, eventId: string): Promise<boolean> {
    return (await this.mine(userId, eventId)).status === 'confirmed'
  }

  /** The host's list: display names and pseudonymous ids, waitlist in order. */
  async forHost(who: Principal, eventId: string, hostId: string): Promise<HostRegistrationView[]> {
    authorize(who, 'events.moderate', { eventHost: hostId })
    const rows = await this.handle.db
      .selectFrom('event_registrations as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.user_id', 'u.display_name', 'r.status', 'r.seq', 'r.created_at'])
      .where('r.event_id', '=', eventId)
      .orderBy('r.seq')
      .execute()
    let place = 0
    return rows.map((r) => ({
      userId: r.user_id,
      name: r.display_name,
      status: r.status as RegistrationStatus,
      waitlistPosition: r.status === 'waitlisted' ? ++place : null,
      createdAt: r.created_at,
    }))
  }

  /** In-app reminders: confirmed events starting within a day or live now, and recent promotions off the waitlist. */
  async reminders(userId: string, now = Date.now()): Promise<EventReminder[]> {
    const rows = await this.handle.db
      .selectFrom('event_registrations as r')
      .innerJoin('events as e', 'e.id', 'r.event_id')
      .select(['e.id', 'e.title', 'e.starts_at', 'e.status', 'r.promoted_at'])
      .where('r.user_id', '=', userId)
      .where('r.status', '=', 'confirmed')
      .where('e.status', 'in', ['scheduled', 'live'])
      .where((eb) => eb.or([eb('e.starts_at', '<', now + REMIND_MS), eb('r.promoted_at', '>', now - REMIND_MS)]))
      .orderBy('e.starts_at')
      .execute()
    return rows.map((r) => ({
      eventId: r.id,
      kind:
        r.status === 'live'
          ? 'live'
          : r.promoted_at !== null && r.promoted_at > now - REMIND_MS
            ? 'promoted'
            : 'starts_soon',
      startsAt: r.starts_at,
      title: JSON.parse(r.title) as BilingualText,
    }))
  }

  private async position(eventId: string, seq: number): Promise<number> {
    const r = await this.handle.db
      .selectFrom('event_registrations')
      .select(sql<number>`count(*)`.as('n'))
      .where('event_id', '=', eventId)
      .where('status', '=', 'waitlisted')
      .where('seq', '<', seq)
      .executeTakeFirst()
    return Number(r?.n ?? 0) + 1
  }
}

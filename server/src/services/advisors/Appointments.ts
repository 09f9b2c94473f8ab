import type {
  AdvisorTopic,
  AdvisorySessionView,
  AppointmentView,
  BookRequest,
  ReminderView,
  TokenClaims,
} from '@atrium/common'
import type { Transaction } from 'kysely'

import type { AtriumDb } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import { authorize, type Principal } from '../../policy/policy.ts'
import type { AuditLog } from '../audit/AuditLog.ts'
import { AdvisorError, notFound, taken } from './AdvisorError.ts'
import type { AdvisorySessions } from './AdvisorySessions.ts'
import { appointmentQuery, toView } from './appointmentQuery.ts'
import { rowId, sessionReference } from './ids.ts'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Customers' bookings of published slots (see Availability). A slot is claimed by a conditional UPDATE (`booked_by` null →
 * the customer), and a partial unique index allows one live appointment per slot, so concurrent bookings of one slot
 * never both succeed, on SQLite and PostgreSQL alike. Times are UTC; the customer's IANA zone is kept for display.
 */
export class Appointments {
  constructor(
    private readonly handle: AtriumDb,
    private readonly sessions: AdvisorySessions,
    private readonly audit: AuditLog,
  ) {}

  async book(caller: TokenClaims, req: BookRequest): Promise<AppointmentView> {
    authorize(caller, 'advisor.request')
    const id = rowId('ap')
    const now = Date.now()
    await this.handle.db.transaction().execute(async (trx) => {
      const slot = await this.claim(trx, req.slotId, caller.id, req.topic)
      await trx
        .insertInto('advisor_appointments')
        .values({
          id,
          slot_id: req.slotId,
          customer_id: caller.id,
          advisor_id: slot.advisor_id,
          topic: req.topic,
          time_zone: req.timeZone,
          status: 'booked',
          session_reference: null,
          created_at: now,
          updated_at: now,
        })
        .execute()
      await this.audit.append(
        {
          actor: caller,
          action: 'appointment.booked',
          subjectId: caller.id,
          detail: { appointmentId: id, slotId: req.slotId },
        },
        trx,
      )
    })
    return this.one(caller.id, id)
  }

  /** Moves the caller's booked appointment to another open slot: the new one is claimed before the old is freed. */
  async move(caller: TokenClaims, id: string, slotId: string): Promise<AppointmentView> {
    authorize(caller, 'advisor.request')
    await this.handle.db.transaction().execute(async (trx) => {
      const appt = await trx
        .selectFrom('advisor_appointments')
        .selectAll()
        .where('id', '=', id)
        .where('customer_id', '=', caller.id)
        .where('status', '=', 'booked')
        .executeTakeFirst()
      if (!appt) throw notFound('appointment')
      if (appt.slot_id === slotId) return
      const slot = await this.claim(trx, slotId, caller.id, appt.topic as AdvisorTopic)
      await this.release(trx, appt.slot_id, caller.id)
      const r = await trx
        .updateTable('advisor_appointments')
        .set({ slot_id: slotId, advisor_id: slot.advisor_id, updated_at: Date.now() })
        .where('id', '=', id)
        .where('status', '=', 'booked')
        .executeTakeFirst()
      if (Number(r.numUpdatedRows) === 0) throw notFound('appointment')
      await this.audit.append(
        {
          actor: caller,
          action: 'appointment.moved',
          subjectId: caller.id,
          detail: { appointmentId: id, from: appt.slot_id, to: slotId },
        },
        trx,
      )
    })
    return this.one(caller.id, id)
  }

  async cancel(caller: TokenClaims, id: string): Promise<void> {
    authorize(caller, 'advisor.request')
    await this.handle.db.transaction().execute(async (trx) => {
      const appt = await trx
        .selectFrom('advisor_appointments')
        .select('slot_id')
        .where('id', '=', id)
        .where('customer_id', '=', caller.id)
        .executeTakeFirst()
      const r = await trx
        .updateTable('advisor_appointments')
        .set({ status: 'cancelled', updated_at: Date.now() })
        .where('id', '=', id)
        .where('customer_id', '=', caller.id)
        .where('status', '=', 'booked')
        .executeTakeFirst()
      if (!appt || Number(r.numUpdatedRows) === 0) throw notFound('appointment')
      await this.release(trx, appt.slot_id, caller.id)
      await this.audit.append(
        { actor: caller, action: 'appointment.cancelled', subjectId: caller.id, detail: { appointmentId: id } },
        trx,
      )
    })
  }

  /** The caller's appointments (customer) or bookings with the caller (advisor), soonest first. */
  async list(who: Principal, window?: { from: number; to: number }): Promise<AppointmentView[]> {
    let q = appointmentQuery(this.handle).where(who.role === 'advisor' ? 'a.advisor_id' : 'a.customer_id', '=', who.id)
    if (window) q = q.where('s.starts_at', '>=', window.from).where('s.starts_at', '<', window.to)
    return (await q.orderBy('s.starts_at').limit(200).execute()).map(toView)
  }

  /** The console's "today": bookings with the caller from two hours ago to 24 hours ahead. */
  today(who: Principal): Promise<AppointmentView[]> {
    authorize(who, 'advisor.serve')
    return this.list(who, { from: Date.now() - 2 * 60 * 60_000, to: Date.now() + DAY_MS })
  }

  /** In-app reminders: the customer's booked appointments in the next 24 hours. */
  async reminders(customerId: string): Promise<ReminderView[]> {
    const rows = await appointmentQuery(this.handle)
      .where('a.customer_id', '=', customerId)
      .where('a.status', '=', 'booked')
      .where('s.starts_at', '>=', Date.now())
      .where('s.starts_at', '<', Date.now() + DAY_MS)
      .orderBy('s.starts_at')
      .execute()
    return rows.map((r) => ({
      appointmentId: r.id,
      startsAt: r.starts_at,
      timeZone: r.time_zone,
      advisorName: r.advisor_name,
    }))
  }

  /** One appointment of the caller's (as its customer or advisor); 404 otherwise. */
  async one(whoId: string, id: string): Promise<AppointmentView> {
    const row = await appointmentQuery(this.handle)
      .where('a.id', '=', id)
      .where((eb) => eb.or([eb('a.customer_id', '=', whoId), eb('a.advisor_id', '=', whoId)]))
      .executeTakeFirst()
    if (!row) throw notFound('appointment')
    return toView(row)
  }

  /** The advisor starts a booked appointment: its advisory session opens (once, by the conditional UPDATE). */
  async start(who: TokenClaims, id: string): Promise<AdvisorySessionView> {
    authorize(who, 'advisor.serve')
    const reference = sessionReference()
    await this.handle.db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('advisor_appointments')
        .set({ status: 'started', session_reference: reference, updated_at: Date.now() })
        .where('id', '=', id)
        .where('advisor_id', '=', who.id)
        .where('status', '=', 'booked')
        .executeTakeFirst()
      if (Number(r.numUpdatedRows) === 0) throw taken('this appointment')
      const appt = await trx
        .selectFrom('advisor_appointments')
        .select(['customer_id', 'topic'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      const customer = await trx
        .selectFrom('users')
        .select(['display_name', 'lang'])
        .where('id', '=', appt.customer_id)
        .executeTakeFirstOrThrow()
      await this.sessions.start(trx, {
        reference,
        source: 'appointment',
        appointmentId: id,
        customer: { id: appt.customer_id, displayName: customer.display_name },
        advisor: { id: who.id, displayName: who.name },
        topic: appt.topic as AdvisorTopic,
        lang: customer.lang,
      })
    })
    await this.sessions.furnish(reference)
    return this.sessions.view(who, reference)
  }

  /** Claims an open, future slot for a customer, or says it was taken. */
  private async claim(trx: Transaction<Database>, slotId: string, customerId: string, topic: AdvisorTopic) {
    const r = await trx
      .updateTable('advisor_slots')
      .set({ booked_by: customerId })
      .where('id', '=', slotId)
      .where('booked_by', 'is', null)
      .where('withdrawn', '=', 0)
      .where('starts_at', '>', Date.now())
      .executeTakeFirst()
    if (Number(r.numUpdatedRows) === 0) throw taken('this slot')
    const slot = await trx
      .selectFrom('advisor_slots')
      .select(['advisor_id', 'topics'])
      .where('id', '=', slotId)
      .executeTakeFirstOrThrow()
    if (!(JSON.parse(slot.topics) as string[]).includes(topic))
      throw new AdvisorError(400, 'wrong_topic', 'this slot is not offered for that topic')
    return slot
  }

  private async release(trx: Transaction<Database>, slotId: string, customerId: string): Promise<void> {
    await trx
      .updateTable('advisor_slots')
      .set({ booked_by: null })
      .where('id', '=', slotId)
      .where('booked_by', '=', customerId)
      .execute()
  }
}

import type { AdvisorDataExport, DataExport } from '@atrium/common'
import type { Transaction } from 'kysely'

import type { AtriumDb } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import { DELETED_NAME } from '../accounts/AccountService.ts'
import type { PrivacySection } from '../privacy/PrivacyService.ts'

/**
 * PIPL for live advisors: the export holds everything kept about the person (their queue entries, appointments,
 * sessions, summaries, and the advisors' notes and follow-ups about them); erasure removes the content and keeps only
 * pseudonymous skeletons (who met when) and complaint records, which regulators require, like the host's.
 */
export class AdvisorPrivacy implements PrivacySection {
  constructor(private readonly handle: AtriumDb) {}

  async export(userId: string): Promise<Partial<DataExport>> {
    const db = this.handle.db
    const sessionRefs = db.selectFrom('advisory_sessions').select('reference').where('customer_id', '=', userId)
    const [queue, appointments, sessions, summaries, notes, followUps, complaints] = await Promise.all([
      db.selectFrom('advisor_queue').selectAll().where('visitor_id', '=', userId).execute(),
      db
        .selectFrom('advisor_appointments as a')
        .innerJoin('advisor_slots as s', 's.id', 'a.slot_id')
        .select(['a.id', 's.starts_at', 'a.time_zone', 'a.topic', 'a.status'])
        .where('a.customer_id', '=', userId)
        .execute(),
      db
        .selectFrom('advisory_participants as p')
        .innerJoin('advisory_sessions as s', 's.reference', 'p.session_reference')
        .select(['s.reference', 'p.role', 's.topic', 's.status', 's.started_at', 's.rating'])
        .where('p.user_id', '=', userId)
        .execute(),
      db.selectFrom('advisory_summaries').selectAll().where('customer_id', '=', userId).execute(),
      db.selectFrom('advisory_notes').selectAll().where('session_reference', 'in', sessionRefs).execute(),
      db.selectFrom('advisory_followups').selectAll().where('customer_id', '=', userId).execute(),
      db
        .selectFrom('complaint_tracking as t')
        .innerJoin('complaints as c', 'c.reference', 't.reference')
        .select(['t.reference', 't.source', 't.escalated_at', 't.response'])
        .where('c.visitor_id', '=', userId)
        .execute(),
    ])
    const advisors: AdvisorDataExport = {
      queue: queue.map((q) => ({
        reference: q.reference,
        topic: q.topic,
        status: q.status,
        enqueuedAt: q.enqueued_at,
      })),
      appointments: appointments.map((a) => ({
        id: a.id,
        startsAt: a.starts_at,
        timeZone: a.time_zone,
        topic: a.topic,
        status: a.status,
      })),
      sessions: sessions.map((s) => ({
        reference: s.reference,
        role: s.role,
        topic: s.topic,
        status: s.status,
        startedAt: s.started_at,
        rating: s.rating,
      })),
      summaries: summaries.map((s) => ({
        sessionReference: s.session_reference,
        discussed: s.discussed,
        nextSteps: JSON.parse(s.next_steps) as string[],
        disclosures: JSON.parse(s.disclosures) as string[],
      })),
      notes: notes.map((n) => ({ sessionReference: n.session_reference, text: n.text, at: n.at })),
      followUps: followUps.map((f) => ({
        sessionReference: f.session_reference,
        text: f.text,
        dueAt: f.due_at,
        doneAt: f.done_at,
      })),
      complaints: complaints.map((c) => ({
        reference: c.reference,
        source: c.source,
        escalatedAt: c.escalated_at,
        response: c.response,
      })),
    }
    return { advisors }
  }

  async erase(userId: string, trx: Transaction<Database>): Promise<void> {
    const refs = (
      await trx.selectFrom('advisory_sessions').select('reference').where('customer_id', '=', userId).execute()
    ).map((r) => r.reference)
    const queued = (
      await trx.selectFrom('advisor_queue').select('reference').where('visitor_id', '=', userId).execute()
    ).map((r) => r.reference)
    if (queued.length > 0) await trx.deleteFrom('advisor_declines').where('reference', 'in', queued).execute()
    await trx.deleteFrom('advisor_queue').where('visitor_id', '=', userId).execute()
    await trx.updateTable('advisor_slots').set({ booked_by: null }).where('booked_by', '=', userId).execute()
    await trx.deleteFrom('advisor_appointments').where('customer_id', '=', userId).execute()
    await trx.deleteFrom('advisory_followups').where('customer_id', '=', userId).execute()
    await trx.deleteFrom('advisory_summaries').where('customer_id', '=', userId).execute()
    await trx.deleteFrom('advisory_invites').where('created_by', '=', userId).execute()
    if (refs.length > 0) {
      await trx.deleteFrom('advisory_notes').where('session_reference', 'in', refs).execute()
      await trx
        .updateTable('advisory_sessions')
        .set({
          status: 'ended',
          ended_at: Date.now(),
          rating_comment: null,
          wall: '{"kind":"none","title":"","page":1}',
        })
        .where('reference', 'in', refs)
        .execute()
    }
    await trx
      .updateTable('advisory_participants')
      .set({ display_name: DELETED_NAME })
      .where('user_id', '=', userId)
      .execute()
  }
}

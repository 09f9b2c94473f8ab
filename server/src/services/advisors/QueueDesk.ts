import type { AdvisorTopic, AdvisorySessionView, HandoffPacket, QueueEntryView, TokenClaims } from '@atrium/common'

import type { AtriumDb } from '../../db/database.ts'
import { authorize, type Principal } from '../../policy/policy.ts'
import type { AuditLog } from '../audit/AuditLog.ts'
import { AdvisorError, taken } from './AdvisorError.ts'
import type { AdvisorySessions } from './AdvisorySessions.ts'
import { waitingEntries } from './waitingEntries.ts'

/**
 * The advisors' side of the queue: the live list, accept (atomic: the conditional UPDATEs on the hand-off and the
 * queue entry let exactly one advisor through), accept-next in serving order, and decline.
 */
export class QueueDesk {
  constructor(
    private readonly handle: AtriumDb,
    private readonly sessions: AdvisorySessions,
    private readonly audit: AuditLog,
  ) {}

  /** The live queue for the console, in serving order, with waiting times and topics. */
  async list(who: Principal): Promise<QueueEntryView[]> {
    authorize(who, 'advisor.serve')
    const now = Date.now()
    const rows = await waitingEntries(this.handle)
      .innerJoin('handoffs as h', 'h.reference', 'q.reference')
      .select(['q.reference', 'q.source', 'q.topic', 'q.lang', 'q.visitor_id', 'q.enqueued_at', 'q.needs', 'h.packet'])
      .orderBy('q.enqueued_at')
      .orderBy('q.reference')
      .limit(200)
      .execute()
    return rows.map((r) => ({
      reference: r.reference,
      source: r.source,
      topic: r.topic as AdvisorTopic,
      lang: r.lang as QueueEntryView['lang'],
      customer: { id: r.visitor_id, displayName: (JSON.parse(r.packet) as HandoffPacket).visitor.displayName },
      enqueuedAt: r.enqueued_at,
      waitingMs: now - r.enqueued_at,
      needs: JSON.parse(r.needs) as string[],
    }))
  }

  /**
   * Accepts one waiting customer and opens their advisory session, atomically: the conditional UPDATEs on the
   * hand-off and the queue entry let exactly one advisor through; the other is told it was taken.
   */
  async accept(who: TokenClaims, reference: string): Promise<AdvisorySessionView> {
    authorize(who, 'advisor.serve')
    const now = Date.now()
    await this.handle.db.transaction().execute(async (trx) => {
      const h = await trx
        .updateTable('handoffs')
        .set({ status: 'taken', taken_by: who.id, taken_at: now })
        .where('reference', '=', reference)
        .where('status', '=', 'open')
        .executeTakeFirst()
      if (Number(h.numUpdatedRows) === 0) throw taken('this customer')
      const q = await trx
        .updateTable('advisor_queue')
        .set({ status: 'accepted', accepted_by: who.id, accepted_at: now })
        .where('reference', '=', reference)
        .where('status', '=', 'waiting')
        .executeTakeFirst()
      if (Number(q.numUpdatedRows) === 0) throw taken('this customer')
      const entry = await trx
        .selectFrom('advisor_queue')
        .select(['topic', 'lang'])
        .where('reference', '=', reference)
        .executeTakeFirstOrThrow()
      const handoff = await trx
        .selectFrom('handoffs')
        .select('packet')
        .where('reference', '=', reference)
        .executeTakeFirstOrThrow()
      const packet = JSON.parse(handoff.packet) as HandoffPacket
      await this.sessions.start(trx, {
        reference,
        source: 'queue',
        appointmentId: null,
        customer: { id: packet.visitor.id, displayName: packet.visitor.displayName },
        advisor: { id: who.id, displayName: who.name },
        topic: entry.topic as AdvisorTopic,
        lang: entry.lang,
      })
      await this.audit.append(
        { actor: who, action: 'queue.accepted', subjectId: packet.visitor.id, detail: { reference } },
        trx,
      )
    })
    await this.sessions.furnish(reference)
    return this.sessions.view(who, reference)
  }

  /** Accepts the customer who has waited longest (skipping those this advisor declined); null when nobody waits. */
  async acceptNext(who: TokenClaims): Promise<AdvisorySessionView | null> {
    authorize(who, 'advisor.serve')
    for (let attempt = 0; attempt < 20; attempt++) {
      const next = await waitingEntries(this.handle)
        .where('q.reference', 'not in', (eb) =>
          eb.selectFrom('advisor_declines').select('reference').where('advisor_id', '=', who.id),
        )
        .select('q.reference')
        .orderBy('q.enqueued_at')
        .orderBy('q.reference')
        .limit(1)
        .executeTakeFirst()
      if (!next) return null
      try {
        return await this.accept(who, next.reference)
      } catch (e) {
        // another advisor took that one a moment earlier: try the next in line
        if (!(e instanceof AdvisorError && e.code === 'already_taken')) throw e
      }
    }
    throw taken('every customer tried')
  }

  /** An advisor passes on a customer; the entry keeps its place for the others. */
  async decline(who: Principal, reference: string): Promise<void> {
    authorize(who, 'advisor.serve')
    const row = await this.handle.db
      .selectFrom('advisor_queue')
      .select('visitor_id')
      .where('reference', '=', reference)
      .where('status', '=', 'waiting')
      .executeTakeFirst()
    if (!row) throw taken('this customer')
    await this.handle.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('advisor_declines')
        .values({ reference, advisor_id: who.id, at: Date.now() })
        .onConflict((oc) => oc.columns(['reference', 'advisor_id']).doNothing())
        .execute()
      await this.audit.append(
        { actor: who, action: 'queue.declined', subjectId: row.visitor_id, detail: { reference } },
        trx,
      )
    })
  }
}

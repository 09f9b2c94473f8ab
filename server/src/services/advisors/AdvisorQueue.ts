import type { AdvisorTopic, HandoffPacket, HostTopic, JoinQueueRequest, QueueStatus, TokenClaims } from '@atrium/common'
import { sql, type Transaction } from 'kysely'

import type { AtriumDb } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import { authorize, type Principal } from '../../policy/policy.ts'
import type { AuditLog } from '../audit/AuditLog.ts'
import type { HandoffDesk } from '../host/HandoffDesk.ts'
import { waitingEntries } from './waitingEntries.ts'

/** Planning figure for one conversation, used for the estimated wait until real durations say otherwise. */
export const AVERAGE_SESSION_MS = 8 * 60_000
/** Advisors who accepted someone within this window count as serving the queue. */
const SERVING_WINDOW_MS = 60 * 60_000

/** The advisor topic of a host hand-off: the most recent detected need that maps to one. */
export function topicOfNeeds(needs: readonly HostTopic[]): AdvisorTopic {
  for (const n of needs) {
    if (n === 'wealth_products' || n === 'suitability') return 'wealth'
    if (n === 'loans') return 'loans'
    if (n === 'cards') return 'cards'
  }
  return 'other'
}

/**
 * "Talk to an advisor now": a first-come, first-served queue in the database (order: enqueue time, then reference),
 * so it survives restarts and is shared by every process. Each entry is a hand-off request of the HandoffDesk, and
 * taking one (QueueDesk) is the desk's conditional UPDATE on `handoffs` (status open → taken): whichever path an
 * advisor uses, a customer is taken once. This is the customers' side: join, leave, position and wait.
 */
export class AdvisorQueue {
  constructor(
    private readonly handle: AtriumDb,
    private readonly desk: HandoffDesk,
    private readonly audit: AuditLog,
  ) {}

  /** Host hand-offs enter the queue in the transaction that records them (registered with the desk). */
  readonly enterFromHost = async (trx: Transaction<Database>, packet: HandoffPacket): Promise<void> => {
    const waiting = await trx
      .selectFrom('advisor_queue')
      .select('reference')
      .where('visitor_id', '=', packet.visitor.id)
      .where('status', '=', 'waiting')
      .executeTakeFirst()
    // already waiting: the visitor keeps the earlier place; the new packet stays with the desk
    if (waiting) return
    await trx
      .insertInto('advisor_queue')
      .values(this.row(packet, 'host', topicOfNeeds(packet.needs), packet.lang))
      .execute()
  }

  /** Whether `reference` waits in the queue (not yet accepted, left or expired). */
  async isWaiting(reference: string): Promise<boolean> {
    const row = await this.handle.db
      .selectFrom('advisor_queue')
      .select('reference')
      .where('reference', '=', reference)
      .where('status', '=', 'waiting')
      .executeTakeFirst()
    return row !== undefined
  }

  /** Joins the queue (or returns the place already held). */
  async join(caller: TokenClaims, req: JoinQueueRequest): Promise<QueueStatus> {
    authorize(caller, 'advisor.request')
    // read consents before the transaction: SQLite has one connection, which the transaction holds
    const shared = await this.desk.sharedContext(caller)
    try {
      await this.handle.db.transaction().execute(async (trx) => {
        const waiting = await trx
          .selectFrom('advisor_queue')
          .select('reference')
          .where('visitor_id', '=', caller.id)
          .where('status', '=', 'waiting')
          .executeTakeFirst()
        if (waiting) return
        const packet = await this.desk.openRequest(trx, caller, '', req.lang, { conversation: [], needs: [], shared })
        await trx
          .insertInto('advisor_queue')
          .values(this.row(packet, 'menu', req.topic, req.lang))
          .execute()
        await this.audit.append(
          {
            actor: caller,
            action: 'queue.joined',
            subjectId: caller.id,
            detail: { reference: packet.reference, topic: req.topic },
          },
          trx,
        )
      })
    } catch (e) {
      // a concurrent join by the same visitor won the one-waiting-entry index: theirs is the place
      if (!(await this.waitingRow(caller.id))) throw e
    }
    return this.status(caller.id)
  }

  /** Leaves the queue; the hand-off request closes with it. */
  async leave(caller: Principal): Promise<QueueStatus> {
    authorize(caller, 'advisor.request')
    const row = await this.waitingRow(caller.id)
    if (row) {
      await this.handle.db.transaction().execute(async (trx) => {
        const r = await trx
          .updateTable('advisor_queue')
          .set({ status: 'left', left_at: Date.now() })
          .where('reference', '=', row.reference)
          .where('status', '=', 'waiting')
          .executeTakeFirst()
        if (Number(r.numUpdatedRows) === 0) return
        await trx
          .updateTable('handoffs')
          .set({ status: 'closed' })
          .where('reference', '=', row.reference)
          .where('status', '=', 'open')
          .execute()
        await this.audit.append(
          { actor: caller, action: 'queue.left', subjectId: caller.id, detail: { reference: row.reference } },
          trx,
        )
      })
    }
    return this.status(caller.id)
  }

  /** The visitor's latest queue entry: position and estimated wait while waiting, the session once accepted. */
  async status(visitorId: string): Promise<QueueStatus> {
    const row = await this.handle.db
      .selectFrom('advisor_queue')
      .selectAll()
      .where('visitor_id', '=', visitorId)
      .orderBy('enqueued_at', 'desc')
      .orderBy('reference', 'desc')
      .limit(1)
      .executeTakeFirst()
    if (!row)
      return {
        reference: '',
        status: 'left',
        topic: 'other',
        position: null,
        estimatedWaitMs: null,
        enqueuedAt: 0,
        session: null,
      }
    const base = { reference: row.reference, topic: row.topic as AdvisorTopic, enqueuedAt: row.enqueued_at }
    if (row.status === 'accepted') {
      const advisor = await this.handle.db
        .selectFrom('users')
        .select('display_name')
        .where('id', '=', row.accepted_by ?? '')
        .executeTakeFirst()
      return {
        ...base,
        status: 'accepted',
        position: null,
        estimatedWaitMs: null,
        session: { reference: row.reference, advisorName: advisor?.display_name ?? '' },
      }
    }
    if (row.status === 'left') return { ...base, status: 'left', position: null, estimatedWaitMs: null, session: null }
    const ahead = await waitingEntries(this.handle)
      .where((eb) =>
        eb.or([
          eb('q.enqueued_at', '<', row.enqueued_at),
          eb.and([eb('q.enqueued_at', '=', row.enqueued_at), eb('q.reference', '<', row.reference)]),
        ]),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst()
    const position = Number(ahead?.n ?? 0) + 1
    const estimatedWaitMs = Math.round((position * AVERAGE_SESSION_MS) / (await this.servingAdvisors()))
    return { ...base, status: 'waiting', position, estimatedWaitMs, session: null }
  }

  private async waitingRow(visitorId: string) {
    return this.handle.db
      .selectFrom('advisor_queue')
      .select('reference')
      .where('visitor_id', '=', visitorId)
      .where('status', '=', 'waiting')
      .executeTakeFirst()
  }

  private async servingAdvisors(): Promise<number> {
    const r = await this.handle.db
      .selectFrom('advisor_queue')
      .select(sql<number>`count(distinct accepted_by)`.as('n'))
      .where('accepted_at', '>', Date.now() - SERVING_WINDOW_MS)
      .executeTakeFirst()
    return Math.max(1, Number(r?.n ?? 0))
  }

  private row(packet: HandoffPacket, source: 'menu' | 'host', topic: AdvisorTopic, lang: string) {
    return {
      reference: packet.reference,
      visitor_id: packet.visitor.id,
      topic,
      lang,
      source,
      needs: JSON.stringify(packet.needs),
      status: 'waiting' as const,
      enqueued_at: packet.createdAt,
      accepted_by: null,
      accepted_at: null,
      left_at: null,
    }
  }
}

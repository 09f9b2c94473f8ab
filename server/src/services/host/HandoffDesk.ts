import { randomBytes } from 'node:crypto'

import type {
  ComplaintView,
  HandoffPacket,
  HostAskRequest,
  HostReply,
  HostTopic,
  HostTurn,
  TokenClaims,
} from '@atrium/common'
import type { Transaction } from 'kysely'

import type { AtriumDb } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import { authorize, type Principal } from '../../policy/policy.ts'
import type { AuditLog } from '../audit/AuditLog.ts'
import type { ConsentService } from '../privacy/ConsentService.ts'
import type { CustomerDataService } from '../privacy/CustomerDataService.ts'
import { NotFound } from '../privacy/StaffAccess.ts'

/** Complaints are answered within this time (the host tells the visitor the deadline). */
export const COMPLAINT_RESPONSE_MS = 24 * 60 * 60 * 1000

/** What a customer shares with the advisor at hand-off time. */
export type SharedContext = Pick<HandoffPacket, 'consents' | 'plan' | 'riskAnswers'>

/** Called in the transaction that records a host hand-off (the advisor queue enters it there). */
export type HandoffListener = (trx: Transaction<Database>, packet: HandoffPacket) => Promise<void>

/** Takes a hand-off its own way and resolves true, or false when it is not this feature's to take. */
export type HandoffTaker = (who: TokenClaims, ref: string) => Promise<boolean>

/** Human-friendly references: no 0/O or 1/I to misread over the phone. */
function reference(prefix: 'H' | 'C'): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  const bytes = randomBytes(8)
  let out = ''
  for (const b of bytes) out += alphabet[b % alphabet.length]
  return `${prefix}-${out}`
}

/**
 * What the host hands to people: hand-off requests carrying the context an advisor needs, and
 * complaints with a response deadline. Staff read them here, under the policy, and every read of a
 * packet is audited like any customer record.
 */
export class HandoffDesk {
  private readonly listeners: HandoffListener[] = []
  private readonly takers: HandoffTaker[] = []

  constructor(
    private readonly handle: AtriumDb,
    private readonly consents: ConsentService,
    private readonly data: CustomerDataService,
    private readonly audit: AuditLog,
  ) {}

  /** Registers a listener for host hand-offs (set once at start-up, like a route). */
  onHandoff(listener: HandoffListener): void {
    this.listeners.push(listener)
  }

  /**
   * Registers a feature that takes some hand-offs its own way (set once at start-up): the advisor queue accepts one
   * that waits in its line, so the customer is given a suite rather than left waiting.
   */
  onTake(taker: HandoffTaker): void {
    this.takers.push(taker)
  }

  /** What a customer shares with the advisor, read when they ask for one (consent is checked then). */
  async sharedContext(caller: TokenClaims): Promise<SharedContext> {
    if (caller.role !== 'customer') return { consents: [] }
    const granted = await this.consents.granted(caller.id)
    const out: SharedContext = { consents: [...granted] }
    if (granted.has('share_with_advisor')) {
      const [plans, profile] = await Promise.all([this.data.plans(caller.id), this.data.profile(caller.id)])
      const latest = plans.at(-1)
      if (latest) out.plan = { name: latest.name, data: latest.data }
      if (profile) out.riskAnswers = profile.answers
    }
    return out
  }

  /** Records a hand-off request with its context packet, in the transaction of the visitor's question. */
  async createHandoff(
    trx: Transaction<Database>,
    caller: TokenClaims,
    conversationId: string,
    reply: HostReply,
    context: { conversation: HostTurn[]; needs: HostTopic[]; shared: SharedContext },
  ): Promise<void> {
    const packet = await this.openRequest(trx, caller, conversationId, reply.lang, context)
    for (const listener of this.listeners) await listener(trx, packet)
    reply.reference = packet.reference
  }

  /**
   * Records a request for a person with its context packet, audited; the host's hand-off and the advisor queue's
   * "talk now" (empty conversation id) both go through here, so there is one kind of request and one take lock.
   */
  async openRequest(
    trx: Transaction<Database>,
    caller: TokenClaims,
    conversationId: string,
    lang: HandoffPacket['lang'],
    context: { conversation: HostTurn[]; needs: HostTopic[]; shared: SharedContext },
  ): Promise<HandoffPacket> {
    const ref = reference('H')
    const { conversation, needs, shared } = context
    const packet: HandoffPacket = {
      reference: ref,
      createdAt: Date.now(),
      status: 'open',
      visitor: { id: caller.id, displayName: caller.name, role: caller.role },
      lang,
      conversation,
      needs,
      ...shared,
    }
    await trx
      .insertInto('handoffs')
      .values({
        reference: ref,
        conversation_id: conversationId,
        visitor_id: caller.id,
        visitor_role: caller.role,
        packet: JSON.stringify(packet),
        status: 'open',
        created_at: packet.createdAt,
        taken_by: null,
        taken_at: null,
      })
      .execute()
    await this.audit.append(
      {
        actor: { id: caller.id, role: caller.role },
        action: 'handoff.created',
        subjectId: caller.id,
        detail: { reference: ref, needs },
      },
      trx,
    )
    return packet
  }

  /** Records a complaint with its 24-hour deadline, in the transaction of the visitor's words. */
  async recordComplaint(
    trx: Transaction<Database>,
    caller: TokenClaims,
    conversationId: string,
    req: HostAskRequest,
    reply: HostReply,
  ): Promise<void> {
    const ref = reference('C')
    const now = Date.now()
    const dueAt = now + COMPLAINT_RESPONSE_MS
    await trx
      .insertInto('complaints')
      .values({
        reference: ref,
        visitor_id: caller.id,
        conversation_id: conversationId,
        text: req.text,
        lang: reply.lang,
        status: 'open',
        created_at: now,
        due_at: dueAt,
      })
      .execute()
    await this.audit.append(
      {
        actor: { id: caller.id, role: caller.role },
        action: 'complaint.recorded',
        subjectId: caller.id,
        detail: { reference: ref, dueAt },
      },
      trx,
    )
    reply.reference = ref
    reply.dueAt = dueAt
  }

  /** Open and taken hand-off requests, newest first; each read of a packet is audited. */
  async handoffs(who: Principal): Promise<HandoffPacket[]> {
    authorize(who, 'handoffs.read')
    const rows = await this.handle.db
      .selectFrom('handoffs')
      .select(['reference', 'visitor_id', 'packet', 'status'])
      .where('status', 'in', ['open', 'taken'])
      .orderBy('created_at', 'desc')
      .limit(100)
      .execute()
    for (const row of rows) {
      await this.audit.append({
        actor: who,
        action: 'customer.read',
        subjectId: row.visitor_id,
        detail: { allowed: true, basis: 'handoff', reference: row.reference },
      })
    }
    return rows.map((r) => ({ ...(JSON.parse(r.packet) as HandoffPacket), status: r.status }))
  }

  /** An advisor takes a request; it can be taken once. */
  async take(who: TokenClaims, ref: string): Promise<HandoffPacket> {
    authorize(who, 'handoffs.take')
    let taken = false
    for (const taker of this.takers) if (!taken) taken = await taker(who, ref)
    if (!taken) {
      const r = await this.handle.db
        .updateTable('handoffs')
        .set({ status: 'taken', taken_by: who.id, taken_at: Date.now() })
        .where('reference', '=', ref)
        .where('status', '=', 'open')
        .executeTakeFirst()
      taken = Number(r.numUpdatedRows) > 0
    }
    const row = await this.handle.db
      .selectFrom('handoffs')
      .select(['packet', 'status', 'visitor_id'])
      .where('reference', '=', ref)
      .executeTakeFirst()
    if (!row) throw new NotFound('no such hand-off request')
    if (!taken) throw new HandoffTaken()
    await this.audit.append({
      actor: who,
      action: 'handoff.taken',
      subjectId: row.visitor_id,
      detail: { reference: ref },
    })
    return { ...(JSON.parse(row.packet) as HandoffPacket), status: row.status }
  }

  async complaints(who: Principal): Promise<ComplaintView[]> {
    authorize(who, 'complaints.read')
    const rows = await this.handle.db
      .selectFrom('complaints')
      .selectAll()
      .orderBy('created_at', 'desc')
      .limit(200)
      .execute()
    return rows.map((r) => ({
      reference: r.reference,
      createdAt: r.created_at,
      dueAt: r.due_at,
      status: r.status,
      visitorId: r.visitor_id,
      text: r.text,
      lang: r.lang as ComplaintView['lang'],
    }))
  }
}

/** Two advisors reached for the same request; the second is told it is gone. */
export class HandoffTaken extends Error {
  constructor() {
    super('this request was already taken')
  }
}

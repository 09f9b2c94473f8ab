import { randomBytes } from 'node:crypto'

import {
  rephraseSafely,
  type ComplaintView,
  type HandoffPacket,
  type HostAskRequest,
  type HostAskResponse,
  type HostReply,
  type HostTopic,
  type HostTurn,
  type Rephraser,
  type TokenClaims,
} from '@atrium/common'
import type { Transaction } from 'kysely'

import type { AtriumDb } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import { authorize, type Principal } from '../../policy/policy.ts'
import type { AuditLog } from '../audit/AuditLog.ts'
import type { ConsentService } from '../privacy/ConsentService.ts'
import type { CustomerDataService } from '../privacy/CustomerDataService.ts'
import { NotFound } from '../privacy/StaffAccess.ts'

/** What the retrieval engine offers (common/src/host); injected so tests can use a small knowledge base. */
export interface HostBrain {
  ask(text: string, ctx: { lang: HostAskRequest['lang']; history?: HostTurn[] }): HostReply
  topicsOf(text: string): HostTopic[]
}

/** Complaints are answered within this time (the host tells the visitor the deadline). */
export const COMPLAINT_RESPONSE_MS = 24 * 60 * 60 * 1000
const PACKET_TURNS = 30
const HISTORY_TURNS = 10

/** Human-friendly references: no 0/O or 1/I to misread over the phone. */
function reference(prefix: 'H' | 'C'): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  const bytes = randomBytes(8)
  let out = ''
  for (const b of bytes) out += alphabet[b % alphabet.length]
  return `${prefix}-${out}`
}

/**
 * Conversations with the digital host, and what they lead to: hand-off requests carrying the
 * context a person needs, and complaints with a response deadline. Conversations belong to the
 * visitor who started them; staff see them only inside hand-off packets, and every read is audited.
 */
export class HostService {
  constructor(
    private readonly handle: AtriumDb,
    /** Built on first use, so tools that never ask the host never index the knowledge base. */
    private readonly loadBrain: () => HostBrain,
    private readonly consents: ConsentService,
    private readonly data: CustomerDataService,
    private readonly audit: AuditLog,
    /** Optional language-model phrasing of answers; guardrails are applied again to what it returns. */
    private readonly rephraser?: Rephraser,
  ) {}

  private brainInstance: HostBrain | undefined

  private get brain(): HostBrain {
    this.brainInstance ??= this.loadBrain()
    return this.brainInstance
  }

  async ask(caller: TokenClaims, req: HostAskRequest): Promise<HostAskResponse> {
    const { db } = this.handle
    const now = Date.now()
    let conversationId = req.conversationId
    if (conversationId) await this.ownConversation(caller.id, conversationId)
    else {
      conversationId = `c_${randomBytes(12).toString('base64url')}`
      await db
        .insertInto('host_conversations')
        .values({ id: conversationId, owner_id: caller.id, lang: req.lang, created_at: now, updated_at: now })
        .execute()
    }
    const history = await this.turns(conversationId, HISTORY_TURNS)
    const reply = await rephraseSafely(this.rephraser, this.brain.ask(req.text, { lang: req.lang, history }), req.text)
    // read what the customer shares before the transaction: SQLite has one connection, which the transaction holds
    const shared = reply.kind === 'handoff' ? await this.sharedContext(caller) : undefined
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('host_turns')
        .values({ conversation_id: conversationId, speaker: 'visitor', text: req.text, kind: null, at: now })
        .execute()
      if (shared) await this.createHandoff(trx, caller, conversationId, reply, shared)
      if (reply.kind === 'complaint') await this.recordComplaint(trx, caller, conversationId, req, reply)
      await trx
        .insertInto('host_turns')
        .values({
          conversation_id: conversationId,
          speaker: 'host',
          text: reply.text,
          kind: reply.kind,
          at: Date.now(),
        })
        .execute()
      await trx
        .updateTable('host_conversations')
        .set({ updated_at: Date.now() })
        .where('id', '=', conversationId)
        .execute()
    })
    return { conversationId, reply }
  }

  /** The caller's own conversation; 404 for anyone else's (never says whose). */
  async conversation(callerId: string, id: string): Promise<HostTurn[]> {
    await this.ownConversation(callerId, id)
    return this.turns(id, 200)
  }

  private async ownConversation(ownerId: string, id: string): Promise<void> {
    const row = await this.handle.db
      .selectFrom('host_conversations')
      .select('owner_id')
      .where('id', '=', id)
      .executeTakeFirst()
    if (row?.owner_id !== ownerId) throw new NotFound('no such conversation')
  }

  /** The newest `limit` turns, oldest first. */
  private async turns(conversationId: string, limit: number, db = this.handle.db): Promise<HostTurn[]> {
    const rows = await db
      .selectFrom('host_turns')
      .select(['speaker', 'text', 'kind', 'at'])
      .where('conversation_id', '=', conversationId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute()
    return rows.reverse().map((r) => ({
      from: r.speaker,
      text: r.text,
      at: r.at,
      ...(r.kind ? { kind: r.kind as HostTurn['kind'] } : {}),
    }))
  }

  /** What a customer shares with the advisor, read when they ask for one (consent is checked then). */
  private async sharedContext(caller: TokenClaims): Promise<Pick<HandoffPacket, 'consents' | 'plan' | 'riskAnswers'>> {
    if (caller.role !== 'customer') return { consents: [] }
    const granted = await this.consents.granted(caller.id)
    const out: Pick<HandoffPacket, 'consents' | 'plan' | 'riskAnswers'> = { consents: [...granted] }
    if (granted.has('share_with_advisor')) {
      const [plans, profile] = await Promise.all([this.data.plans(caller.id), this.data.profile(caller.id)])
      const latest = plans.at(-1)
      if (latest) out.plan = { name: latest.name, data: latest.data }
      if (profile) out.riskAnswers = profile.answers
    }
    return out
  }

  private async createHandoff(
    trx: Transaction<Database>,
    caller: TokenClaims,
    conversationId: string,
    reply: HostReply,
    shared: Pick<HandoffPacket, 'consents' | 'plan' | 'riskAnswers'>,
  ): Promise<void> {
    const ref = reference('H')
    // the visitor's question is already in the transaction, so the packet's conversation includes it
    const conversation = await this.turns(conversationId, PACKET_TURNS, trx)
    const needs = this.needsOf(conversation)
    const packet: HandoffPacket = {
      reference: ref,
      createdAt: Date.now(),
      status: 'open',
      visitor: { id: caller.id, displayName: caller.name, role: caller.role },
      lang: reply.lang,
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
    reply.reference = ref
  }

  private needsOf(conversation: HostTurn[]): HostTopic[] {
    const seen = new Set<HostTopic>()
    for (const turn of [...conversation].reverse()) {
      if (turn.from === 'visitor') for (const topic of this.brain.topicsOf(turn.text)) seen.add(topic)
    }
    return [...seen]
  }

  private async recordComplaint(
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
  async take(who: Principal, ref: string): Promise<HandoffPacket> {
    authorize(who, 'handoffs.take')
    const r = await this.handle.db
      .updateTable('handoffs')
      .set({ status: 'taken', taken_by: who.id, taken_at: Date.now() })
      .where('reference', '=', ref)
      .where('status', '=', 'open')
      .executeTakeFirst()
    const row = await this.handle.db
      .selectFrom('handoffs')
      .select(['packet', 'status', 'visitor_id'])
      .where('reference', '=', ref)
      .executeTakeFirst()
    if (!row) throw new NotFound('no such hand-off request')
    if (Number(r.numUpdatedRows) === 0) throw new HandoffTaken()
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

  /** Everything about one person, for their data export. */
  async exportFor(userId: string) {
    const { db } = this.handle
    const conversations = await db
      .selectFrom('host_conversations')
      .select(['id', 'created_at'])
      .where('owner_id', '=', userId)
      .execute()
    const out = []
    for (const c of conversations)
      out.push({ id: c.id, createdAt: c.created_at, turns: await this.turns(c.id, 10_000) })
    const handoffs = await db
      .selectFrom('handoffs')
      .select(['reference', 'status', 'created_at'])
      .where('visitor_id', '=', userId)
      .execute()
    const complaints = await db
      .selectFrom('complaints')
      .select(['reference', 'text', 'status', 'created_at', 'due_at'])
      .where('visitor_id', '=', userId)
      .execute()
    return { conversations: out, handoffs, complaints }
  }

  /**
   * Erasure: conversations and hand-off packets go; complaint records stay (regulators require
   * them) under the pseudonymous id, with their text.
   */
  async eraseFor(userId: string, trx: Transaction<Database>): Promise<void> {
    const ids = (await trx.selectFrom('host_conversations').select('id').where('owner_id', '=', userId).execute()).map(
      (r) => r.id,
    )
    if (ids.length > 0) await trx.deleteFrom('host_turns').where('conversation_id', 'in', ids).execute()
    await trx.deleteFrom('host_conversations').where('owner_id', '=', userId).execute()
    await trx.deleteFrom('handoffs').where('visitor_id', '=', userId).execute()
  }
}

/** Two advisors reached for the same request; the second is told it is gone. */
export class HandoffTaken extends Error {
  constructor() {
    super('this request was already taken')
  }
}

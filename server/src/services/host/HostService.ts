import { randomBytes } from 'node:crypto'

import {
  rephraseSafely,
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
import { NotFound } from '../privacy/StaffAccess.ts'
import type { HandoffDesk } from './HandoffDesk.ts'

/** What the retrieval engine offers (common/src/host); injected so tests can use a small knowledge base. */
export interface HostBrain {
  ask(text: string, ctx: { lang: HostAskRequest['lang']; history?: HostTurn[] }): HostReply
  topicsOf(text: string): HostTopic[]
}

const PACKET_TURNS = 30
const HISTORY_TURNS = 10

/**
 * Conversations with the digital host. They belong to the visitor who started them; what they lead
 * to (hand-off requests, complaints) is recorded by the HandoffDesk in the same transaction, and
 * staff see a conversation only inside a hand-off packet.
 */
export class HostService {
  constructor(
    private readonly handle: AtriumDb,
    private readonly desk: HandoffDesk,
    /** Built on first use, so tools that never ask the host never index the knowledge base. */
    private readonly loadBrain: () => HostBrain,
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
    const shared = reply.kind === 'handoff' ? await this.desk.sharedContext(caller) : undefined
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('host_turns')
        .values({ conversation_id: conversationId, speaker: 'visitor', text: req.text, kind: null, at: now })
        .execute()
      if (shared) {
        // the visitor's question is already in the transaction, so the packet's conversation includes it
        const conversation = await this.turns(conversationId, PACKET_TURNS, trx)
        const needs = this.needsOf(conversation)
        await this.desk.createHandoff(trx, caller, conversationId, reply, { conversation, needs, shared })
      }
      if (reply.kind === 'complaint') await this.desk.recordComplaint(trx, caller, conversationId, req, reply)
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

  private needsOf(conversation: HostTurn[]): HostTopic[] {
    const seen = new Set<HostTopic>()
    for (const turn of [...conversation].reverse()) {
      if (turn.from === 'visitor') for (const topic of this.brain.topicsOf(turn.text)) seen.add(topic)
    }
    return [...seen]
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

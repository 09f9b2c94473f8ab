import { parsePlanData, SANDBOX_SESSION, type PlanSuitabilityCheck, type SandboxPlanData } from '@atrium/common'
import type { Transaction } from 'kysely'

import type { AtriumDb } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import type { Actor, AuditLog } from '../audit/AuditLog.ts'
import { sandboxId } from './ids.ts'
import { SandboxNotFound } from './SandboxSessions.ts'
import type { SuitabilityRecords } from './SuitabilityRecords.ts'

/** A plan that passed the schema but is not a planner plan (unknown asset class, total other than 100). */
export class InvalidPlan extends Error {}
/** Too many pending proposals in the session or from this author. */
export class TooManyProposals extends Error {}

export interface PendingProposal {
  id: string
  authorId: string
  data: SandboxPlanData
  note: string
  createdAt: number
}

/** The plan after a change, as the room shows it. */
export interface AppliedChange {
  data: SandboxPlanData
  version: number
  risk: string
}

/** The session a change applies to. */
export interface SessionRef {
  id: string
  ownerId: string
}

function canonical(data: SandboxPlanData): SandboxPlanData {
  const plan = parsePlanData(data)
  if (!plan) throw new InvalidPlan('not a planner plan: unknown asset classes or a total other than 100%')
  return plan
}

/**
 * Changes to a shared plan. The owner's edits apply at once; anyone else's become proposals the owner accepts or
 * rejects. Every applied change is checked against the owner's risk profile (a warning must have been confirmed),
 * written to the history with its suitability, and recorded in the audit trail, in one transaction.
 */
export class PlanChanges {
  constructor(
    private readonly handle: AtriumDb,
    private readonly suitability: SuitabilityRecords,
    private readonly audit: AuditLog,
  ) {}

  /** Pending proposals of a session, oldest first. */
  async pending(sessionId: string): Promise<PendingProposal[]> {
    const rows = await this.handle.db
      .selectFrom('sandbox_proposals')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('status', '=', 'pending')
      .orderBy('created_at')
      .execute()
    return rows.flatMap((r) => {
      const data = parsePlanData(JSON.parse(r.data))
      return data ? [{ id: r.id, authorId: r.author_id, data, note: r.note, createdAt: Number(r.created_at) }] : []
    })
  }

  /** The owner changes the plan directly. */
  async edit(session: SessionRef, owner: Actor, data: SandboxPlanData): Promise<AppliedChange> {
    const plan = canonical(data)
    // checked before the transaction: SQLite has one connection, which the transaction holds
    const check = await this.suitability.requireConfirmed(session.ownerId, plan)
    return this.handle.db.transaction().execute((trx) => this.apply(trx, session, owner, plan, check, null))
  }

  /** Another member proposes a change. */
  async propose(sessionId: string, author: Actor, data: SandboxPlanData, note = ''): Promise<PendingProposal> {
    const plan = canonical(data)
    const pending = await this.pending(sessionId)
    if (pending.length >= SANDBOX_SESSION.maxPending) throw new TooManyProposals('too many pending proposals')
    if (pending.filter((p) => p.authorId === author.id).length >= SANDBOX_SESSION.maxPendingPerAuthor) {
      throw new TooManyProposals('wait for the owner to decide on your earlier proposals')
    }
    const proposal: PendingProposal = {
      id: sandboxId('sp'),
      authorId: author.id,
      data: plan,
      note,
      createdAt: Date.now(),
    }
    await this.handle.db
      .insertInto('sandbox_proposals')
      .values({
        id: proposal.id,
        session_id: sessionId,
        author_id: author.id,
        data: JSON.stringify(plan),
        note,
        status: 'pending',
        created_at: proposal.createdAt,
        decided_at: null,
      })
      .execute()
    return proposal
  }

  /** The owner accepts (applies) or rejects a pending proposal; undefined after a rejection. */
  async decide(
    session: SessionRef,
    owner: Actor,
    proposalId: string,
    accept: boolean,
  ): Promise<AppliedChange | undefined> {
    const row = await this.handle.db
      .selectFrom('sandbox_proposals')
      .selectAll()
      .where('id', '=', proposalId)
      .where('session_id', '=', session.id)
      .where('status', '=', 'pending')
      .executeTakeFirst()
    const plan = row ? parsePlanData(JSON.parse(row.data)) : undefined
    if (!row || !plan) throw new SandboxNotFound('no such pending proposal')
    const check = accept ? await this.suitability.requireConfirmed(session.ownerId, plan) : undefined
    return this.handle.db.transaction().execute(async (trx) => {
      // only one decision wins, even if two arrive at once
      const decided = await trx
        .updateTable('sandbox_proposals')
        .set({ status: accept ? 'accepted' : 'rejected', decided_at: Date.now() })
        .where('id', '=', proposalId)
        .where('status', '=', 'pending')
        .executeTakeFirst()
      if (Number(decided.numUpdatedRows) === 0) throw new SandboxNotFound('no such pending proposal')
      if (accept) return this.apply(trx, session, owner, plan, check, row.id)
      await this.audit.append(
        {
          actor: owner,
          action: 'sandbox.proposal_rejected',
          subjectId: session.ownerId,
          detail: { sessionId: session.id, proposalId },
        },
        trx,
      )
      return undefined
    })
  }

  /** Removes what a customer's sessions hold (account erasure; called inside its transaction). */
  async eraseFor(userId: string, trx: Transaction<Database>): Promise<void> {
    const owned = trx.selectFrom('sandbox_sessions').select('id').where('owner_id', '=', userId)
    await trx.deleteFrom('sandbox_history').where('session_id', 'in', owned).execute()
    await trx.deleteFrom('sandbox_proposals').where('session_id', 'in', owned).execute()
    await trx.deleteFrom('sandbox_proposals').where('author_id', '=', userId).execute()
    await trx.deleteFrom('sandbox_members').where('session_id', 'in', owned).execute()
    await trx.deleteFrom('sandbox_members').where('user_id', '=', userId).execute()
    await trx.deleteFrom('sandbox_sessions').where('owner_id', '=', userId).execute()
  }

  private async apply(
    trx: Transaction<Database>,
    session: SessionRef,
    actor: Actor,
    plan: SandboxPlanData,
    check: PlanSuitabilityCheck | undefined,
    proposalId: string | null,
  ): Promise<AppliedChange> {
    const now = Date.now()
    const current = await trx
      .selectFrom('sandbox_sessions')
      .select('version')
      .where('id', '=', session.id)
      .where('closed_at', 'is', null)
      .executeTakeFirst()
    if (!current) throw new SandboxNotFound('this session has been closed')
    const version = current.version + 1
    const json = JSON.stringify(plan)
    await trx
      .updateTable('sandbox_sessions')
      .set({ data: json, version, updated_at: now })
      .where('id', '=', session.id)
      .execute()
    const risk = check?.risk ?? 'R1'
    const suitability = check?.status ?? 'missing'
    await trx
      .insertInto('sandbox_history')
      .values({
        session_id: session.id,
        actor_id: actor.id,
        proposal_id: proposalId,
        data: json,
        risk,
        suitability,
        category: check?.category ?? null,
        at: now,
      })
      .execute()
    await this.audit.append(
      {
        actor,
        action: 'sandbox.change_accepted',
        subjectId: session.ownerId,
        detail: {
          sessionId: session.id,
          version,
          source: proposalId ? 'proposal' : 'owner',
          proposalId,
          planRisk: risk,
          suitability,
          category: check?.category ?? null,
          questionnaireDate: check?.assessedAt ?? null,
        },
      },
      trx,
    )
    return { data: plan, version, risk }
  }
}

import {
  newPlanData,
  parsePlanData,
  SANDBOX_SESSION,
  type SandboxPlanData,
  type SandboxRole,
  type SandboxSessionView,
} from '@atrium/common'
import type { Transaction } from 'kysely'

import type { AtriumDb } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import type { SandboxSessionsTable } from '../../db/sandboxTables.ts'
import type { AccountService } from '../accounts/AccountService.ts'
import type { Actor, AuditLog } from '../audit/AuditLog.ts'
import { inviteCode, sandboxId } from './ids.ts'

/** A refusal that names nothing: no such session, not a member, a wrong or expired code all look alike. */
export class SandboxNotFound extends Error {}
/** The session already has its maximum number of members. */
export class SandboxFull extends Error {}

/** One live session as the room and the routes need it. */
export interface SandboxSession {
  id: string
  ownerId: string
  name: string
  data: SandboxPlanData
  version: number
  inviteCode: string | null
  inviteExpiresAt: number | null
}

export interface SandboxMembership {
  userId: string
  role: SandboxRole
}

function toSession(row: SandboxSessionsTable): SandboxSession {
  return {
    id: row.id,
    ownerId: row.owner_id,
    name: row.name,
    // rows are written only from validated plans; a row that no longer parses falls back to a fresh plan
    data: parsePlanData(JSON.parse(row.data)) ?? newPlanData(0),
    version: row.version,
    inviteCode: row.invite_code,
    inviteExpiresAt: row.invite_expires_at === null ? null : Number(row.invite_expires_at),
  }
}

/**
 * Shared sessions and their members, kept in the database so any process's room and any HTTP request see the same
 * membership. One live session per customer: opening a new one closes the previous one.
 */
export class SandboxSessions {
  constructor(
    private readonly handle: AtriumDb,
    private readonly accounts: AccountService,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Opens a session for the customer's plan with a fresh invite code, closing any earlier one; `closed` names the
   * sessions that were closed, so their rooms can be ended.
   */
  async create(
    owner: Actor,
    name: string,
    data: SandboxPlanData,
  ): Promise<{ session: SandboxSession; closed: string[] }> {
    const now = Date.now()
    const id = sandboxId('sb')
    const canonical = parsePlanData(data) ?? newPlanData()
    const closed = await this.handle.db.transaction().execute(async (trx) => {
      const earlier = await this.closeOpen(owner.id, trx, now)
      await trx
        .insertInto('sandbox_sessions')
        .values({
          id,
          owner_id: owner.id,
          name,
          data: JSON.stringify(canonical),
          version: 1,
          invite_code: inviteCode(),
          invite_expires_at: now + SANDBOX_SESSION.inviteTtlMs,
          created_at: now,
          updated_at: now,
          closed_at: null,
        })
        .execute()
      await trx
        .insertInto('sandbox_members')
        .values({ session_id: id, user_id: owner.id, role: 'owner', joined_at: now })
        .execute()
      await this.audit.append(
        { actor: owner, action: 'sandbox.opened', subjectId: owner.id, detail: { sessionId: id } },
        trx,
      )
      return earlier
    })
    return { session: (await this.get(id))!, closed }
  }

  /**
   * The advisory suites' contract: the customer's live session (or a new one with a fresh plan) with `memberIds`
   * added as members (advisors as advisors, customers as family). Resolves to the session id.
   */
  async open(ownerId: string, memberIds: readonly string[]): Promise<string> {
    const owner = await this.accounts.get(ownerId)
    if (!owner || owner.role !== 'customer' || owner.deleted_at !== null) throw new SandboxNotFound('no such customer')
    const live = await this.liveOf(ownerId)
    const id =
      live?.id ?? (await this.create({ id: ownerId, role: 'customer' }, owner.display_name, newPlanData())).session.id
    for (const memberId of memberIds) if (memberId !== ownerId) await this.addMember(id, memberId)
    return id
  }

  /** Adds a member by invite code; the code is the customer's invitation. */
  async join(who: Actor, code: string): Promise<SandboxSession> {
    const row = await this.handle.db
      .selectFrom('sandbox_sessions')
      .selectAll()
      .where('invite_code', '=', code)
      .where('closed_at', 'is', null)
      .executeTakeFirst()
    if (!row || Number(row.invite_expires_at ?? 0) < Date.now()) throw new SandboxNotFound('no such invite code')
    if (row.owner_id !== who.id) await this.addMember(row.id, who.id)
    return toSession(row)
  }

  /** The live session, or undefined when it does not exist or was closed. */
  async get(id: string): Promise<SandboxSession | undefined> {
    const row = await this.handle.db
      .selectFrom('sandbox_sessions')
      .selectAll()
      .where('id', '=', id)
      .where('closed_at', 'is', null)
      .executeTakeFirst()
    return row ? toSession(row) : undefined
  }

  /** The caller's membership of a live session; undefined for non-members (and unknown or closed sessions). */
  async membership(sessionId: string, userId: string): Promise<SandboxMembership | undefined> {
    const row = await this.handle.db
      .selectFrom('sandbox_members')
      .innerJoin('sandbox_sessions', 'sandbox_sessions.id', 'sandbox_members.session_id')
      .select(['sandbox_members.user_id', 'sandbox_members.role'])
      .where('sandbox_members.session_id', '=', sessionId)
      .where('sandbox_members.user_id', '=', userId)
      .where('sandbox_sessions.closed_at', 'is', null)
      .executeTakeFirst()
    return row ? { userId: row.user_id, role: row.role as SandboxRole } : undefined
  }

  /** Members with their display names, owner first. */
  async members(sessionId: string): Promise<(SandboxMembership & { name: string })[]> {
    const rows = await this.handle.db
      .selectFrom('sandbox_members')
      .innerJoin('users', 'users.id', 'sandbox_members.user_id')
      .select(['sandbox_members.user_id', 'sandbox_members.role', 'users.display_name'])
      .where('sandbox_members.session_id', '=', sessionId)
      .orderBy('sandbox_members.joined_at')
      .execute()
    return rows.map((r) => ({ userId: r.user_id, role: r.role as SandboxRole, name: r.display_name }))
  }

  /** Live sessions the caller belongs to, as the caller may see them (codes only for the owner). */
  async listFor(userId: string): Promise<SandboxSessionView[]> {
    const rows = await this.handle.db
      .selectFrom('sandbox_members')
      .innerJoin('sandbox_sessions', 'sandbox_sessions.id', 'sandbox_members.session_id')
      .selectAll('sandbox_sessions')
      .select('sandbox_members.role as member_role')
      .where('sandbox_members.user_id', '=', userId)
      .where('sandbox_sessions.closed_at', 'is', null)
      .orderBy('sandbox_sessions.created_at', 'desc')
      .limit(20)
      .execute()
    return rows.map((r) => this.view(toSession(r), r.member_role as SandboxRole))
  }

  /** A session as one member sees it. */
  view(s: SandboxSession, role: SandboxRole): SandboxSessionView {
    const owner = role === 'owner'
    return {
      sessionId: s.id,
      name: s.name,
      role,
      inviteCode: owner ? s.inviteCode : null,
      inviteExpiresAt: owner ? s.inviteExpiresAt : null,
    }
  }

  /**
   * Records that a member of staff (an invited advisor) sees the customer's shared plan: on joining the room and on
   * downloading its report. The customer's invitation is the basis; the entry is the customer's to see.
   */
  async recordStaffView(who: Actor, session: { id: string; ownerId: string }, fields: string[]): Promise<void> {
    await this.audit.append({
      actor: who,
      action: 'customer.read',
      subjectId: session.ownerId,
      detail: { allowed: true, basis: 'sandbox_member', purpose: 'advice', fields, sessionId: session.id },
    })
  }

  /** Closes the owner's live session, if any; true when one was closed. */
  async close(ownerId: string, sessionId: string): Promise<boolean> {
    const r = await this.handle.db
      .updateTable('sandbox_sessions')
      .set({ closed_at: Date.now(), invite_code: null, invite_expires_at: null })
      .where('id', '=', sessionId)
      .where('owner_id', '=', ownerId)
      .where('closed_at', 'is', null)
      .executeTakeFirst()
    return Number(r.numUpdatedRows) > 0
  }

  private async liveOf(ownerId: string): Promise<SandboxSession | undefined> {
    const row = await this.handle.db
      .selectFrom('sandbox_sessions')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('closed_at', 'is', null)
      .orderBy('created_at', 'desc')
      .executeTakeFirst()
    return row ? toSession(row) : undefined
  }

  private async closeOpen(ownerId: string, trx: Transaction<Database>, now: number): Promise<string[]> {
    const live = await trx
      .selectFrom('sandbox_sessions')
      .select('id')
      .where('owner_id', '=', ownerId)
      .where('closed_at', 'is', null)
      .execute()
    if (live.length === 0) return []
    await trx
      .updateTable('sandbox_sessions')
      .set({ closed_at: now, invite_code: null, invite_expires_at: null })
      .where('owner_id', '=', ownerId)
      .where('closed_at', 'is', null)
      .execute()
    return live.map((r) => r.id)
  }

  private async addMember(sessionId: string, userId: string): Promise<void> {
    const user = await this.accounts.get(userId)
    if (!user || user.deleted_at !== null || user.disabled) throw new SandboxNotFound('no such account')
    const role: SandboxRole | undefined =
      user.role === 'advisor' ? 'advisor' : user.role === 'customer' ? 'family' : undefined
    if (!role) throw new SandboxNotFound('only customers and advisors can be invited')
    await this.handle.db.transaction().execute(async (trx) => {
      const session = await trx
        .selectFrom('sandbox_sessions')
        .select('owner_id')
        .where('id', '=', sessionId)
        .executeTakeFirstOrThrow()
      const existing = await trx
        .selectFrom('sandbox_members')
        .select('user_id')
        .where('session_id', '=', sessionId)
        .execute()
      if (existing.some((m) => m.user_id === userId)) return
      if (existing.length >= SANDBOX_SESSION.maxMembers) throw new SandboxFull('this session is full')
      await trx
        .insertInto('sandbox_members')
        .values({ session_id: sessionId, user_id: userId, role, joined_at: Date.now() })
        .execute()
      await this.audit.append(
        // the subject is the customer whose plan the member now sees, so it shows in the customer's own export
        {
          actor: { id: userId, role: user.role as Actor['role'] },
          action: 'sandbox.joined',
          subjectId: session.owner_id,
          detail: { sessionId, role },
        },
        trx,
      )
    })
  }
}

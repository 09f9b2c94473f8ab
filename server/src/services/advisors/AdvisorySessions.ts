import type { AdvisorySessionView, AdvisorTopic, ParticipantRole } from '@atrium/common'
import type { Kysely, Transaction } from 'kysely'

import type { AtriumDb } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import { authorize, type PolicyContext, type Principal } from '../../policy/policy.ts'
import type { AuditLog } from '../audit/AuditLog.ts'
import type { UserNotices } from '../notices/UserNotices.ts'
import { notFound } from './AdvisorError.ts'
import type { SandboxSessions } from '../sandbox/SandboxSessions.ts'
import { sessionViews } from './sessionViews.ts'
import { EMPTY_WALL } from './SuiteHost.ts'
import type { Teams } from './Teams.ts'

type Db = Kysely<Database> | Transaction<Database>

/** What starting a session needs: who meets whom, about what, and where the request came from. */
export interface SessionStart {
  reference: string
  source: 'queue' | 'appointment'
  appointmentId: string | null
  customer: { id: string; displayName: string }
  advisor: { id: string; displayName: string }
  topic: AdvisorTopic
  lang: string
}

/** Who may be in a suite (its room and its media room). */
export interface SuiteParties {
  customerId: string
  advisorId: string
  participants: { id: string; displayName: string; role: ParticipantRole }[]
  active: boolean
}

/**
 * Advisory sessions: one per accepted queue entry or started appointment. The reference names the suite room and
 * the LiveKit room `suite-<reference>`; the participants table is the one list of who may enter either.
 */
export class AdvisorySessions {
  constructor(
    private readonly handle: AtriumDb,
    private readonly audit: AuditLog,
    private readonly teams: Teams,
    private readonly sandbox: Pick<SandboxSessions, 'open'>,
    private readonly notices: UserNotices,
  ) {}

  /** Creates the session and admits its customer and advisor, in the caller's transaction (accept or start). */
  async start(trx: Transaction<Database>, s: SessionStart): Promise<void> {
    const now = Date.now()
    await trx
      .insertInto('advisory_sessions')
      .values({
        reference: s.reference,
        source: s.source,
        appointment_id: s.appointmentId,
        customer_id: s.customer.id,
        advisor_id: s.advisor.id,
        topic: s.topic,
        lang: s.lang,
        status: 'active',
        started_at: now,
        ended_at: null,
        sandbox_session_id: null,
        wall: JSON.stringify(EMPTY_WALL),
        rating: null,
        rating_comment: null,
      })
      .execute()
    await trx
      .insertInto('advisory_participants')
      .values([
        {
          session_reference: s.reference,
          user_id: s.customer.id,
          display_name: s.customer.displayName,
          role: 'customer',
          added_at: now,
        },
        {
          session_reference: s.reference,
          user_id: s.advisor.id,
          display_name: s.advisor.displayName,
          role: 'advisor',
          added_at: now,
        },
      ])
      .execute()
    await this.audit.append(
      {
        actor: { id: s.advisor.id, role: 'advisor' },
        action: 'advisory.started',
        subjectId: s.customer.id,
        detail: { reference: s.reference, source: s.source, appointmentId: s.appointmentId },
      },
      trx,
    )
  }

  /**
   * After the session's transaction: puts a shared wealth-sandbox session on the suite table, then tells the
   * customer's open pages that the suite is ready (at once, rather than at their next poll). Only customers with an
   * account have plans to share (a guest's suite has no table). A failure there leaves the suite without a table,
   * never without a session.
   */
  async furnish(reference: string): Promise<void> {
    const parties = await this.parties(reference)
    if (!parties) return
    if (!parties.customerId.startsWith('g_')) await this.openTable(reference, parties)
    await this.notices.send(parties.customerId, { kind: 'suite.ready', reference })
  }

  private async openTable(reference: string, parties: SuiteParties): Promise<void> {
    try {
      const others = parties.participants.filter((p) => p.id !== parties.customerId).map((p) => p.id)
      const id = await this.sandbox.open(parties.customerId, others)
      await this.handle.db
        .updateTable('advisory_sessions')
        .set({ sandbox_session_id: id })
        .where('reference', '=', reference)
        .execute()
    } catch (e) {
      console.error(`[advisors] no shared sandbox for ${reference}:`, e)
    }
  }

  /** The parties of a session, or undefined for an unknown reference. */
  async parties(reference: string, db: Db = this.handle.db): Promise<SuiteParties | undefined> {
    const row = await db
      .selectFrom('advisory_sessions')
      .select(['customer_id', 'advisor_id', 'status'])
      .where('reference', '=', reference)
      .executeTakeFirst()
    if (!row) return undefined
    const people = await db
      .selectFrom('advisory_participants')
      .select(['user_id', 'display_name', 'role'])
      .where('session_reference', '=', reference)
      .orderBy('added_at')
      .execute()
    return {
      customerId: row.customer_id,
      advisorId: row.advisor_id,
      participants: people.map((p) => ({ id: p.user_id, displayName: p.display_name, role: p.role })),
      active: row.status === 'active',
    }
  }

  /** The policy context of a session's record (customer, advisor, the advisor's supervisor). */
  async recordContext(reference: string): Promise<PolicyContext & { ownerId: string }> {
    const row = await this.handle.db
      .selectFrom('advisory_sessions')
      .select(['customer_id', 'advisor_id', 'status'])
      .where('reference', '=', reference)
      .executeTakeFirst()
    if (!row) throw notFound('session')
    return {
      ownerId: row.customer_id,
      sessionAdvisor: row.advisor_id,
      teamSupervisor: await this.teams.supervisorOf(row.advisor_id),
      sessionActive: row.status === 'active',
    }
  }

  /**
   * Authorizes a read of a session's record (summary, notes, follow-ups): its customer, its advisor, the advisor's
   * supervisor and compliance; the last two on the record. Returns the context for further checks.
   */
  async authorizeRecord(who: Principal, reference: string, what: string): Promise<PolicyContext & { ownerId: string }> {
    const ctx = await this.recordContext(reference)
    const decision = authorize(who, 'advisory.read', ctx)
    if (decision.audit) {
      await this.audit.append({
        actor: who,
        action: 'customer.read',
        subjectId: ctx.ownerId,
        detail: { allowed: true, basis: decision.reason, reference, fields: [what] },
      })
    }
    return ctx
  }

  /** A session as its parties see it (an invited family member too); others need the record policy. */
  async view(who: Principal, reference: string): Promise<AdvisorySessionView> {
    const parties = await this.parties(reference)
    if (!parties) throw notFound('session')
    if (!parties.participants.some((p) => p.id === who.id)) await this.authorizeRecord(who, reference, 'session')
    const rows = await this.handle.db
      .selectFrom('advisory_sessions')
      .selectAll()
      .where('reference', '=', reference)
      .execute()
    return (await sessionViews(this.handle, rows))[0]!
  }

  /** Sessions the caller advises ('mine') or supervises ('team'), newest first. */
  async list(who: Principal, scope: 'mine' | 'team'): Promise<AdvisorySessionView[]> {
    authorize(who, 'advisor.serve')
    const advisors = scope === 'mine' ? [who.id] : await this.teams.teamOf(who.id)
    if (advisors.length === 0) return []
    const views = await sessionViews(
      this.handle,
      await this.handle.db
        .selectFrom('advisory_sessions')
        .selectAll()
        .where('advisor_id', 'in', advisors)
        .orderBy('started_at', 'desc')
        .limit(100)
        .execute(),
    )
    if (scope === 'team') {
      // a supervisor's look at the team's customers is on the record
      await this.audit.append({
        actor: who,
        action: 'customer.read',
        detail: { basis: 'supervisor', sessions: views.map((v) => v.reference) },
      })
    }
    return views
  }

  /** The caller's running session (as customer, advisor or invited family member), if any. */
  async activeFor(userId: string): Promise<AdvisorySessionView | null> {
    const views = await sessionViews(
      this.handle,
      await this.handle.db
        .selectFrom('advisory_sessions')
        .selectAll()
        .where('status', '=', 'active')
        .where('reference', 'in', (eb) =>
          eb.selectFrom('advisory_participants').select('session_reference').where('user_id', '=', userId),
        )
        .orderBy('started_at', 'desc')
        .limit(1)
        .execute(),
    )
    return views[0] ?? null
  }
}

import type { ComplaintRequest, ComplaintSource, ComplaintStatusView, StaffComplaintView } from '@atrium/common'

import type { Transaction } from 'kysely'

import type { AtriumDb } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import { authorize, Forbidden, type Principal } from '../../policy/policy.ts'
import { SYSTEM_ACTOR, type AuditLog } from '../audit/AuditLog.ts'
import { COMPLAINT_RESPONSE_MS } from '../host/HandoffDesk.ts'
import { notFound } from './AdvisorError.ts'
import type { AdvisorySessions } from './AdvisorySessions.ts'
import { readableCode } from './ids.ts'
import type { Teams } from './Teams.ts'

/**
 * Complaints from a session summary, the menu or the digital host (the host records its own in `complaints`; the
 * tracking row is added when needed). The first response is due 24 hours after filing; past that, the complaint is
 * escalated to the supervisor of the advisor concerned (or to compliance's pool when there is none). Escalation is
 * a conditional UPDATE, so the periodic sweep of several processes, and reads that sweep first, escalate once.
 */
export class Complaints {
  constructor(
    private readonly handle: AtriumDb,
    private readonly sessions: AdvisorySessions,
    private readonly teams: Teams,
    private readonly audit: AuditLog,
  ) {}

  async file(who: Principal, req: ComplaintRequest): Promise<ComplaintStatusView> {
    authorize(who, 'advisor.request')
    let advisorId: string | null = null
    if (req.sessionReference) {
      const parties = await this.sessions.parties(req.sessionReference)
      if (parties?.customerId !== who.id) throw notFound('session')
      advisorId = parties.advisorId
    }
    const reference = `C-${readableCode()}`
    const now = Date.now()
    const dueAt = now + COMPLAINT_RESPONSE_MS
    const source: ComplaintSource = req.source
    await this.handle.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('complaints')
        .values({
          reference,
          visitor_id: who.id,
          conversation_id: null,
          text: req.text,
          lang: req.lang,
          status: 'open',
          created_at: now,
          due_at: dueAt,
        })
        .execute()
      await trx
        .insertInto('complaint_tracking')
        .values({
          reference,
          source,
          session_reference: req.sessionReference ?? null,
          advisor_id: advisorId,
          escalated_at: null,
          escalated_to: null,
          responded_at: null,
          responded_by: null,
          response: null,
        })
        .execute()
      await this.audit.append(
        { actor: who, action: 'complaint.recorded', subjectId: who.id, detail: { reference, dueAt, source } },
        trx,
      )
    })
    return (await this.views({ reference }))[0]!
  }

  /** The caller's complaints with their status (overdue ones are escalated first). */
  async mine(who: Principal): Promise<ComplaintStatusView[]> {
    await this.sweep()
    return (await this.views({ customerId: who.id })).map(
      ({ customerId: _c, advisorId: _a, escalatedTo: _e, overdue: _o, ...v }) => v,
    )
  }

  /**
   * Complaints for staff: compliance sees all; an advisor those concerning their sessions, those escalated to them,
   * and those concerning no advisor (the host's and the menu's).
   */
  async forStaff(who: Principal): Promise<StaffComplaintView[]> {
    authorize(who, 'complaints.read')
    await this.sweep()
    const all = await this.views({})
    if (who.role === 'compliance') return all
    return all.filter((c) => c.advisorId === who.id || c.escalatedTo === who.id || c.advisorId === null)
  }

  /** The first response to the customer; once. */
  async respond(who: Principal, reference: string, text: string): Promise<StaffComplaintView> {
    authorize(who, 'complaints.respond')
    const c = (await this.views({ reference }))[0]
    if (!c) throw notFound('complaint')
    if (who.role === 'advisor' && !(c.advisorId === who.id || c.escalatedTo === who.id || c.advisorId === null))
      throw new Forbidden('not_concerned')
    const now = Date.now()
    await this.handle.db.transaction().execute(async (trx) => {
      await this.ensureTracking(trx, reference)
      const r = await trx
        .updateTable('complaint_tracking')
        .set({ responded_at: now, responded_by: who.id, response: text })
        .where('reference', '=', reference)
        .where('responded_at', 'is', null)
        .executeTakeFirst()
      if (Number(r.numUpdatedRows) === 0) throw notFound('unanswered complaint')
      await trx.updateTable('complaints').set({ status: 'answered' }).where('reference', '=', reference).execute()
      await this.audit.append(
        {
          actor: who,
          action: 'complaint.answered',
          subjectId: c.customerId,
          detail: { reference, late: now > c.dueAt },
        },
        trx,
      )
    })
    return (await this.views({ reference }))[0]!
  }

  /** Escalates every open complaint past its deadline; returns how many this call escalated. */
  async sweep(now = Date.now()): Promise<number> {
    const overdue = await this.handle.db
      .selectFrom('complaints as c')
      .leftJoin('complaint_tracking as t', 't.reference', 'c.reference')
      .select(['c.reference', 'c.visitor_id', 't.advisor_id'])
      .where('c.status', '=', 'open')
      .where('c.due_at', '<', now)
      .where('t.escalated_at', 'is', null)
      .limit(500)
      .execute()
    let escalated = 0
    for (const c of overdue) {
      const to = c.advisor_id ? await this.teams.supervisorOf(c.advisor_id) : null
      const won = await this.handle.db.transaction().execute(async (trx) => {
        await this.ensureTracking(trx, c.reference)
        const r = await trx
          .updateTable('complaint_tracking')
          .set({ escalated_at: now, escalated_to: to })
          .where('reference', '=', c.reference)
          .where('escalated_at', 'is', null)
          .where('responded_at', 'is', null)
          .executeTakeFirst()
        if (Number(r.numUpdatedRows) === 0) return false
        await this.audit.append(
          {
            actor: SYSTEM_ACTOR,
            action: 'complaint.escalated',
            subjectId: c.visitor_id,
            detail: { reference: c.reference, to },
          },
          trx,
        )
        return true
      })
      if (won) escalated++
    }
    return escalated
  }

  /** The host's complaints get their tracking row on first need; concurrent callers all end with one row. */
  private async ensureTracking(trx: Transaction<Database>, reference: string): Promise<void> {
    await trx
      .insertInto('complaint_tracking')
      .values({
        reference,
        source: 'host',
        session_reference: null,
        advisor_id: null,
        escalated_at: null,
        escalated_to: null,
        responded_at: null,
        responded_by: null,
        response: null,
      })
      .onConflict((oc) => oc.column('reference').doNothing())
      .execute()
  }

  private async views(f: { reference?: string; customerId?: string }): Promise<StaffComplaintView[]> {
    let q = this.handle.db
      .selectFrom('complaints as c')
      .leftJoin('complaint_tracking as t', 't.reference', 'c.reference')
      .select([
        'c.reference',
        'c.visitor_id',
        'c.text',
        'c.status',
        'c.created_at',
        'c.due_at',
        't.source',
        't.session_reference',
        't.advisor_id',
        't.escalated_at',
        't.escalated_to',
        't.responded_at',
        't.response',
      ])
    if (f.reference) q = q.where('c.reference', '=', f.reference)
    if (f.customerId) q = q.where('c.visitor_id', '=', f.customerId)
    const rows = await q.orderBy('c.created_at', 'desc').limit(500).execute()
    const now = Date.now()
    return rows.map((r) => {
      const answered = r.status === 'answered' || r.responded_at !== null
      return {
        reference: r.reference,
        source: (r.source ?? 'host') as ComplaintSource,
        status: answered ? 'answered' : r.escalated_at !== null ? 'escalated' : 'open',
        text: r.text,
        createdAt: r.created_at,
        dueAt: r.due_at,
        escalatedAt: r.escalated_at,
        response: r.response,
        respondedAt: r.responded_at,
        sessionReference: r.session_reference,
        customerId: r.visitor_id,
        advisorId: r.advisor_id,
        escalatedTo: r.escalated_to,
        overdue: !answered && now > r.due_at,
      }
    })
  }
}

import type {
  FollowUpRequest,
  FollowUpView,
  InboxView,
  NoteView,
  RatingRequest,
  SessionDetail,
  SummaryRequest,
  SummaryView,
} from '@atrium/common'
import type { Presence } from '@colyseus/core'

import type { AtriumDb } from '../../db/database.ts'
import { authorize, Forbidden, type Principal } from '../../policy/policy.ts'
import type { AuditLog } from '../audit/AuditLog.ts'
import { AdvisorError, notFound } from './AdvisorError.ts'
import type { AdvisorySessions } from './AdvisorySessions.ts'
import type { Appointments } from './Appointments.ts'
import { rowId } from './ids.ts'
import { summaries as summaryRows } from './summaries.ts'

/** Presence channel on which a session's end reaches its suite room, in whichever process it runs. */
export const SESSION_ENDED_CHANNEL = 'advisors:session-ended'

/**
 * What a session leaves behind: the advisor's notes and follow-ups, the summary delivered to the customer's inbox
 * (which ends the session), and the customer's rating.
 */
export class SessionRecords {
  constructor(
    private readonly handle: AtriumDb,
    private readonly presence: Presence,
    private readonly sessions: AdvisorySessions,
    private readonly appointments: Appointments,
    private readonly audit: AuditLog,
  ) {}

  /** The session's advisor (only) writes; notes are theirs, never shown to the customer in the app. */
  private async ownSession(who: Principal, reference: string) {
    authorize(who, 'advisor.serve')
    const ctx = await this.sessions.recordContext(reference)
    if (ctx.sessionAdvisor !== who.id) throw new Forbidden('not_advisor')
    return ctx
  }

  async addNote(who: Principal, reference: string, text: string): Promise<void> {
    await this.ownSession(who, reference)
    await this.handle.db
      .insertInto('advisory_notes')
      .values({ session_reference: reference, author_id: who.id, text, at: Date.now() })
      .execute()
  }

  async addFollowUp(who: Principal, reference: string, req: FollowUpRequest): Promise<FollowUpView> {
    const ctx = await this.ownSession(who, reference)
    const view: FollowUpView = {
      id: rowId('fu'),
      sessionReference: reference,
      text: req.text,
      dueAt: req.dueAt,
      doneAt: null,
      createdAt: Date.now(),
    }
    await this.handle.db
      .insertInto('advisory_followups')
      .values({
        id: view.id,
        session_reference: reference,
        advisor_id: who.id,
        customer_id: ctx.ownerId,
        text: view.text,
        due_at: view.dueAt,
        done_at: null,
        created_at: view.createdAt,
      })
      .execute()
    return view
  }

  async setFollowUpDone(who: Principal, id: string, done: boolean): Promise<void> {
    authorize(who, 'advisor.serve')
    const r = await this.handle.db
      .updateTable('advisory_followups')
      .set({ done_at: done ? Date.now() : null })
      .where('id', '=', id)
      .where('advisor_id', '=', who.id)
      .executeTakeFirst()
    if (Number(r.numUpdatedRows) === 0) throw notFound('follow-up')
  }

  /** The caller's open follow-ups, soonest due first. */
  async myFollowUps(who: Principal): Promise<FollowUpView[]> {
    authorize(who, 'advisor.serve')
    const rows = await this.handle.db
      .selectFrom('advisory_followups')
      .selectAll()
      .where('advisor_id', '=', who.id)
      .where('done_at', 'is', null)
      .orderBy('due_at')
      .limit(200)
      .execute()
    return rows.map(followUpView)
  }

  /** Ends the session with its summary, delivered to the customer's inbox; once only. */
  async summarize(who: Principal, reference: string, req: SummaryRequest): Promise<SummaryView> {
    const ctx = await this.ownSession(who, reference)
    const now = Date.now()
    await this.handle.db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('advisory_sessions')
        .set({ status: 'ended', ended_at: now })
        .where('reference', '=', reference)
        .where('status', '=', 'active')
        .executeTakeFirst()
      if (Number(r.numUpdatedRows) === 0) throw new AdvisorError(409, 'session_ended', 'this session has already ended')
      await trx
        .insertInto('advisory_summaries')
        .values({
          session_reference: reference,
          customer_id: ctx.ownerId,
          advisor_id: who.id,
          discussed: req.discussed,
          next_steps: JSON.stringify(req.nextSteps),
          disclosures: JSON.stringify(req.disclosures),
          created_at: now,
        })
        .execute()
      await trx
        .updateTable('advisor_appointments')
        .set({ status: 'done', updated_at: now })
        .where('session_reference', '=', reference)
        .execute()
      await trx.updateTable('handoffs').set({ status: 'closed' }).where('reference', '=', reference).execute()
      await this.audit.append(
        {
          actor: who,
          action: 'advisory.ended',
          subjectId: ctx.ownerId,
          detail: { reference, disclosures: req.disclosures.length },
        },
        trx,
      )
    })
    await this.presence.publish(SESSION_ENDED_CHANNEL, reference)
    return (await summaryRows(this.handle, { reference }))[0]!
  }

  /** The advisor's (or supervisor's, audited) view of one session: record, notes, follow-ups, summary. */
  async detail(who: Principal, reference: string): Promise<SessionDetail> {
    await this.sessions.authorizeRecord(who, reference, 'notes')
    const [session, notes, followUps, summaries] = await Promise.all([
      this.sessions.view(who, reference),
      this.handle.db
        .selectFrom('advisory_notes')
        .selectAll()
        .where('session_reference', '=', reference)
        .orderBy('id')
        .execute(),
      this.handle.db
        .selectFrom('advisory_followups')
        .selectAll()
        .where('session_reference', '=', reference)
        .orderBy('due_at')
        .execute(),
      summaryRows(this.handle, { reference }),
    ])
    const noteViews: NoteView[] = notes.map((n) => ({
      id: Number(n.id),
      authorId: n.author_id,
      text: n.text,
      at: n.at,
    }))
    return { session, notes: noteViews, followUps: followUps.map(followUpView), summary: summaries[0] ?? null }
  }

  /** One summary for its customer (or the session's staff under the record policy). */
  async summary(who: Principal, reference: string): Promise<SummaryView> {
    await this.sessions.authorizeRecord(who, reference, 'summary').catch((e: unknown) => {
      // never say whether someone else's session exists
      throw e instanceof Forbidden ? notFound('summary') : e
    })
    const s = (await summaryRows(this.handle, { reference }))[0]
    if (!s) throw notFound('summary')
    return s
  }

  /** The customer's inbox: session summaries and appointment reminders. */
  async inbox(who: Principal): Promise<InboxView> {
    authorize(who, 'advisor.request')
    const [summaries, reminders] = await Promise.all([
      summaryRows(this.handle, { customerId: who.id }),
      this.appointments.reminders(who.id),
    ])
    return { summaries, reminders }
  }

  /** The customer rates an ended session once. */
  async rate(who: Principal, reference: string, req: RatingRequest): Promise<void> {
    authorize(who, 'advisor.request')
    const r = await this.handle.db
      .updateTable('advisory_sessions')
      .set({ rating: req.stars, rating_comment: req.comment })
      .where('reference', '=', reference)
      .where('customer_id', '=', who.id)
      .where('status', '=', 'ended')
      .where('rating', 'is', null)
      .executeTakeFirst()
    if (Number(r.numUpdatedRows) === 0) throw notFound('session to rate')
    await this.audit.append({
      actor: who,
      action: 'advisory.rated',
      subjectId: who.id,
      detail: { reference, stars: req.stars },
    })
  }
}

function followUpView(r: {
  id: string
  session_reference: string
  text: string
  due_at: number
  done_at: number | null
  created_at: number
}): FollowUpView {
  return {
    id: r.id,
    sessionReference: r.session_reference,
    text: r.text,
    dueAt: r.due_at,
    doneAt: r.done_at,
    createdAt: r.created_at,
  }
}

import type { AttendanceView, CertificateStatus } from '@atrium/common'

import type { AtriumDb } from '../../db/database.ts'
import { certificateStatus, presentMs, type Visit } from './eligibility.ts'
import type { EventRow } from './EventService.ts'
import type { PollService } from './PollService.ts'

/** Attendance: one row per visit to an event's auditorium (any instance, any process), in the database. */
export class AttendanceService {
  constructor(
    private readonly handle: AtriumDb,
    private readonly polls: PollService,
  ) {}

  /** Records a join; returns the visit id to close on leave. */
  async join(eventId: string, who: { id: string; name: string }, at = Date.now()): Promise<number> {
    const row = await this.handle.db
      .insertInto('event_attendance')
      .values({ event_id: eventId, user_id: who.id, name: who.name, joined_at: at, left_at: null })
      .returning('id')
      .executeTakeFirstOrThrow()
    return Number(row.id)
  }

  async leave(visitId: number, at = Date.now()): Promise<void> {
    await this.handle.db
      .updateTable('event_attendance')
      .set({ left_at: at })
      .where('id', '=', visitId)
      .where('left_at', 'is', null)
      .execute()
  }

  /** Closes every open visit of the event (the event ended, or a crashed process left some open). */
  async closeOpen(eventId: string, at = Date.now()): Promise<void> {
    await this.handle.db
      .updateTable('event_attendance')
      .set({ left_at: at })
      .where('event_id', '=', eventId)
      .where('left_at', 'is', null)
      .execute()
  }

  async visits(eventId: string, userId?: string): Promise<(Visit & { userId: string; name: string })[]> {
    let q = this.handle.db
      .selectFrom('event_attendance')
      .select(['user_id', 'name', 'joined_at', 'left_at'])
      .where('event_id', '=', eventId)
      .orderBy('id')
    if (userId) q = q.where('user_id', '=', userId)
    const rows = await q.execute()
    return rows.map((r) => ({ userId: r.user_id, name: r.name, joinedAt: r.joined_at, leftAt: r.left_at }))
  }

  /** One attendee's certificate decision. */
  async status(ev: EventRow, userId: string, registered: boolean): Promise<CertificateStatus> {
    const visits = await this.visits(ev.id, userId)
    const quiz = await this.polls.quizScores(ev.id)
    return certificateStatus({
      start: ev.live_at,
      end: ev.ended_at,
      visits,
      required: ev.min_attendance,
      quizTotal: quiz.total,
      quizScore: quiz.total > 0 ? (quiz.scores.get(userId) ?? 0) : null,
      registered,
    })
  }

  /** The host's attendance sheet: every attendee with their visits, share, quiz score and eligibility. */
  async sheet(ev: EventRow, registered: ReadonlySet<string>, now = Date.now()): Promise<AttendanceView[]> {
    const all = await this.visits(ev.id)
    const quiz = await this.polls.quizScores(ev.id)
    const byUser = new Map<string, { name: string; visits: Visit[] }>()
    for (const v of all) {
      const e = byUser.get(v.userId) ?? { name: v.name, visits: [] }
      e.visits.push({ joinedAt: v.joinedAt, leftAt: v.leftAt })
      byUser.set(v.userId, e)
    }
    const start = ev.live_at
    const end = ev.ended_at ?? (start !== null ? now : null)
    return [...byUser].map(([userId, e]) => {
      const quizScore = quiz.total > 0 ? (quiz.scores.get(userId) ?? 0) : null
      const st = certificateStatus({
        start: ev.live_at,
        end: ev.ended_at,
        visits: e.visits,
        required: ev.min_attendance,
        quizTotal: quiz.total,
        quizScore,
        registered: registered.has(userId),
      })
      const present = start !== null && end !== null ? presentMs(e.visits, start, end) : 0
      const span = start !== null && end !== null ? end - start : 0
      return {
        userId,
        name: e.name,
        presentMs: present,
        share: span > 0 ? present / span : 0,
        quizScore,
        quizTotal: quiz.total,
        eligible: st.eligible,
        visits: e.visits,
      }
    })
  }
}

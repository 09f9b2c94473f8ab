import type { PollOpenMsg } from '@atrium/common'
import { sql, type Selectable } from 'kysely'

import type { AtriumDb } from '../../db/database.ts'
import type { EventPollsTable } from '../../db/eventTables.ts'
import { NotFound } from '../privacy/StaffAccess.ts'

export type PollRow = Selectable<EventPollsTable>

/** A poll as the room puts it into state. */
export interface PollSnapshot {
  id: number
  question: string
  options: string[]
  counts: number[]
  quiz: boolean
  endsAt: number
  open: boolean
}

/** Polls and quizzes of an event: one vote per attendee per poll (primary key), results counted in the database. */
export class PollService {
  constructor(private readonly handle: AtriumDb) {}

  /** Opens a poll (closing any other open one of the event). */
  async open(eventId: string, msg: PollOpenMsg, now = Date.now()): Promise<PollSnapshot> {
    return this.handle.db.transaction().execute(async (trx) => {
      await trx.updateTable('event_polls').set({ closed: 1 }).where('event_id', '=', eventId).execute()
      const row = await trx
        .insertInto('event_polls')
        .values({
          event_id: eventId,
          question: msg.question,
          options: JSON.stringify(msg.options),
          correct: msg.correct ?? null,
          opened_at: now,
          ends_at: now + msg.seconds * 1000,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return {
        id: Number(row.id),
        question: msg.question,
        options: msg.options,
        counts: msg.options.map(() => 0),
        quiz: msg.correct !== undefined,
        endsAt: now + msg.seconds * 1000,
        open: true,
      }
    })
  }

  /** Records a vote; false when the attendee already voted. NotFound for a closed, expired or foreign poll. */
  async vote(eventId: string, pollId: number, userId: string, choice: number, now = Date.now()): Promise<boolean> {
    const poll = await this.row(eventId, pollId)
    const options = JSON.parse(poll.options) as string[]
    if (poll.closed || now > poll.ends_at || choice >= options.length) throw new NotFound('this poll is not open')
    const r = await this.handle.db
      .insertInto('event_poll_votes')
      .values({ poll_id: pollId, user_id: userId, choice, at: now })
      .onConflict((oc) => oc.columns(['poll_id', 'user_id']).doNothing())
      .executeTakeFirst()
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0
  }

  async close(eventId: string, pollId: number): Promise<void> {
    await this.row(eventId, pollId)
    await this.handle.db.updateTable('event_polls').set({ closed: 1 }).where('id', '=', pollId).execute()
  }

  /** The newest poll of the event with its counts, or undefined. */
  async latest(eventId: string, now = Date.now()): Promise<PollSnapshot | undefined> {
    const row = await this.handle.db
      .selectFrom('event_polls')
      .selectAll()
      .where('event_id', '=', eventId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst()
    if (!row) return undefined
    const options = JSON.parse(row.options) as string[]
    return {
      id: Number(row.id),
      question: row.question,
      options,
      counts: await this.counts(Number(row.id), options.length),
      quiz: row.correct !== null,
      endsAt: row.ends_at,
      open: !row.closed && now <= row.ends_at,
    }
  }

  /** Votes per option, from the vote rows. */
  async counts(pollId: number, optionCount: number): Promise<number[]> {
    const rows = await this.handle.db
      .selectFrom('event_poll_votes')
      .select(['choice', sql<number>`count(*)`.as('n')])
      .where('poll_id', '=', pollId)
      .groupBy('choice')
      .execute()
    const out = new Array<number>(optionCount).fill(0)
    for (const r of rows) if (r.choice < optionCount) out[r.choice] = Number(r.n)
    return out
  }

  /** Whether each voter of a quiz chose the right option (for telling them when it closes). */
  async quizAnswers(pollId: number): Promise<Map<string, boolean>> {
    const rows = await this.handle.db
      .selectFrom('event_poll_votes as v')
      .innerJoin('event_polls as p', 'p.id', 'v.poll_id')
      .select(['v.user_id', 'v.choice', 'p.correct'])
      .where('v.poll_id', '=', pollId)
      .execute()
    return new Map(rows.map((r) => [r.user_id, r.correct !== null && r.choice === r.correct]))
  }

  /** Quiz score per attendee: right answers, out of the event's quiz count. */
  async quizScores(eventId: string): Promise<{ total: number; scores: Map<string, number> }> {
    const quizzes = await this.handle.db
      .selectFrom('event_polls')
      .select('id')
      .where('event_id', '=', eventId)
      .where('correct', 'is not', null)
      .execute()
    const rows = await this.handle.db
      .selectFrom('event_poll_votes as v')
      .innerJoin('event_polls as p', 'p.id', 'v.poll_id')
      .select(['v.user_id', sql<number>`count(*)`.as('n')])
      .where('p.event_id', '=', eventId)
      .where('p.correct', 'is not', null)
      .whereRef('v.choice', '=', 'p.correct')
      .groupBy('v.user_id')
      .execute()
    return { total: quizzes.length, scores: new Map(rows.map((r) => [r.user_id, Number(r.n)])) }
  }

  private async row(eventId: string, pollId: number): Promise<PollRow> {
    const row = await this.handle.db
      .selectFrom('event_polls')
      .selectAll()
      .where('id', '=', pollId)
      .where('event_id', '=', eventId)
      .executeTakeFirst()
    if (!row) throw new NotFound('no such poll')
    return row
  }
}

import type { QuestionStatus, QuestionView } from '@atrium/common'

import type { AtriumDb } from '../../db/database.ts'
import { NotFound } from '../privacy/StaffAccess.ts'

/** Questions attendees may see (and upvote): approved ones and answered ones. */
const PUBLIC: QuestionStatus[] = ['approved', 'answered']
/** Questions kept per event listing (newest moderation first is the host's job, not the wire's). */
const LIST_LIMIT = 300

/** Q&A of one event: questions, one upvote per attendee per question, and moderation. All in the database. */
export class QaService {
  constructor(private readonly handle: AtriumDb) {}

  async ask(eventId: string, author: { id: string; name: string }, text: string): Promise<number> {
    const row = await this.handle.db
      .insertInto('event_questions')
      .values({
        event_id: eventId,
        author_id: author.id,
        author_name: author.name,
        text,
        status: 'pending',
        created_at: Date.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return Number(row.id)
  }

  /**
   * Upvotes a visible question once per attendee: the vote row's primary key refuses a second one, and the counter
   * moves only when the vote row went in, in the same transaction. Returns false for a repeated vote.
   */
  async vote(eventId: string, questionId: number, userId: string): Promise<boolean> {
    return this.handle.db.transaction().execute(async (trx) => {
      const q = await trx
        .selectFrom('event_questions')
        .select(['status'])
        .where('id', '=', questionId)
        .where('event_id', '=', eventId)
        .executeTakeFirst()
      if (!q || !PUBLIC.includes(q.status as QuestionStatus)) throw new NotFound('no such question')
      const r = await trx
        .insertInto('event_question_votes')
        .values({ question_id: questionId, user_id: userId })
        .onConflict((oc) => oc.columns(['question_id', 'user_id']).doNothing())
        .executeTakeFirst()
      if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return false
      await trx
        .updateTable('event_questions')
        .set((eb) => ({ votes: eb('votes', '+', 1) }))
        .where('id', '=', questionId)
        .execute()
      return true
    })
  }

  async moderate(eventId: string, questionId: number, status: QuestionStatus): Promise<void> {
    const r = await this.handle.db
      .updateTable('event_questions')
      .set({ status })
      .where('id', '=', questionId)
      .where('event_id', '=', eventId)
      .executeTakeFirst()
    if (Number(r.numUpdatedRows) === 0) throw new NotFound('no such question')
  }

  /** Every question of the event with its voters: one read, then filtered per viewer with `for`. */
  async snapshot(eventId: string): Promise<QaSnapshot> {
    const rows = await this.handle.db
      .selectFrom('event_questions')
      .selectAll()
      .where('event_id', '=', eventId)
      .orderBy('votes', 'desc')
      .orderBy('id')
      .limit(LIST_LIMIT)
      .execute()
    const votes = await this.handle.db
      .selectFrom('event_question_votes as v')
      .innerJoin('event_questions as q', 'q.id', 'v.question_id')
      .select(['v.question_id', 'v.user_id'])
      .where('q.event_id', '=', eventId)
      .execute()
    const voters = new Map<number, Set<string>>()
    for (const v of votes) {
      const id = Number(v.question_id)
      const set = voters.get(id) ?? new Set<string>()
      set.add(v.user_id)
      voters.set(id, set)
    }
    const all = rows.map((r) => ({
      id: Number(r.id),
      authorId: r.author_id,
      authorName: r.author_name,
      text: r.text,
      status: r.status as QuestionStatus,
      votes: r.votes,
      createdAt: r.created_at,
    }))
    return {
      for(viewerId, host) {
        return all
          .filter((q) => host || PUBLIC.includes(q.status) || (q.status === 'pending' && q.authorId === viewerId))
          .map((q) => ({ ...q, mine: voters.get(q.id)?.has(viewerId) ?? false }))
      },
    }
  }

  /** The questions `viewerId` may see, most votes first (then oldest). */
  async list(eventId: string, viewerId: string, host: boolean): Promise<QuestionView[]> {
    return (await this.snapshot(eventId)).for(viewerId, host)
  }
}

/**
 * The questions of one event at one moment. `for` picks what a viewer may see: the host sees all; attendees see
 * approved and answered ones and their own pending ones, each with whether they upvoted it.
 */
export interface QaSnapshot {
  for(viewerId: string, host: boolean): QuestionView[]
}

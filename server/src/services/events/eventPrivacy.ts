import type { EventDataExport } from '@atrium/common'

import type { AtriumDb } from '../../db/database.ts'
import type { PrivacySection } from '../privacy/PrivacyService.ts'
import { withdrawEverywhere } from './registrationQueue.ts'

/**
 * Education events in a person's data export and erasure. Erasure removes registrations (a freed seat goes to the
 * head of the waitlist in the same transaction), attendance (with the display name it recorded), authored questions
 * and chat lines; votes stay, since they name only the pseudonymous id and removing them would change results
 * others saw.
 */
export function eventPrivacy(handle: AtriumDb): PrivacySection {
  const db = handle.db
  return {
    async export(userId) {
      const [registrations, attendance, questions, chat, pollVotes, questionVotes] = await Promise.all([
        db.selectFrom('event_registrations').selectAll().where('user_id', '=', userId).execute(),
        db.selectFrom('event_attendance').selectAll().where('user_id', '=', userId).orderBy('id').execute(),
        db.selectFrom('event_questions').selectAll().where('author_id', '=', userId).orderBy('id').execute(),
        db.selectFrom('event_chat').selectAll().where('author_id', '=', userId).orderBy('id').execute(),
        db.selectFrom('event_poll_votes').selectAll().where('user_id', '=', userId).execute(),
        db.selectFrom('event_question_votes').selectAll().where('user_id', '=', userId).execute(),
      ])
      const events: EventDataExport = {
        registrations: registrations.map((r) => ({
          eventId: r.event_id,
          status: r.status,
          createdAt: r.created_at,
          updatedAt: r.updated_at,
        })),
        attendance: attendance.map((a) => ({ eventId: a.event_id, joinedAt: a.joined_at, leftAt: a.left_at })),
        questions: questions.map((q) => ({
          eventId: q.event_id,
          text: q.text,
          status: q.status,
          createdAt: q.created_at,
        })),
        chat: chat.map((c) => ({ eventId: c.event_id, text: c.text, at: c.at })),
        pollVotes: pollVotes.map((v) => ({ pollId: Number(v.poll_id), choice: v.choice, at: v.at })),
        questionVotes: questionVotes.map((v) => ({ questionId: Number(v.question_id) })),
      }
      return { events }
    },
    async erase(userId, trx) {
      await withdrawEverywhere(trx, userId)
      await trx.deleteFrom('event_attendance').where('user_id', '=', userId).execute()
      await trx.deleteFrom('event_chat').where('author_id', '=', userId).execute()
      const mine = trx.selectFrom('event_questions').select('id').where('author_id', '=', userId)
      await trx.deleteFrom('event_question_votes').where('question_id', 'in', mine).execute()
      await trx.deleteFrom('event_questions').where('author_id', '=', userId).execute()
    },
  }
}

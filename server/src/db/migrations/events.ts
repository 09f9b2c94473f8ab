import type { Kysely, Migration } from 'kysely'

import type { Dialect } from '../migrations.ts'

/**
 * Migrations for investor-education events: events, registrations, Q&A, polls, chat, attendance, certificates.
 * Keys start with `004_events` so they run after the core ones; dialect differences are spelled out here.
 */
export function eventMigrations(dialect: Dialect): Record<string, Migration> {
  const pg = dialect === 'postgres'
  // auto-increment keys order registrations, questions, chat lines and polls as they arrived
  const serial = pg ? 'bigserial' : 'integer'
  const pk = (c: { primaryKey(): { autoIncrement(): unknown } & object }) =>
    (pg ? c.primaryKey() : c.primaryKey().autoIncrement()) as never
  return {
    '004_events': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('events')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('host_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('description', 'text', (c) => c.notNull())
          .addColumn('starts_at', 'bigint', (c) => c.notNull())
          .addColumn('duration_min', 'integer', (c) => c.notNull())
          .addColumn('capacity', 'integer', (c) => c.notNull())
          .addColumn('lang', 'text', (c) => c.notNull())
          .addColumn('approval', 'integer', (c) => c.notNull())
          .addColumn('min_attendance', 'real', (c) => c.notNull())
          .addColumn('recording', 'integer', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          // bumped under the row lock by every registration change: serializes them per event on both engines
          .addColumn('reg_seq', 'bigint', (c) => c.notNull().defaultTo(0))
          .addColumn('slide_version', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('live_at', 'bigint')
          .addColumn('ended_at', 'bigint')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('updated_at', 'bigint', (c) => c.notNull())
          .execute()
        await db.schema.createIndex('events_starts').on('events').columns(['status', 'starts_at']).execute()

        await db.schema
          .createTable('event_registrations')
          .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('status', 'text', (c) => c.notNull())
          // the event's reg_seq when this registration (re)entered: waitlist order
          .addColumn('seq', 'bigint', (c) => c.notNull())
          // set when the waitlist promoted this registration (an in-app reminder tells the attendee)
          .addColumn('promoted_at', 'bigint')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('updated_at', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('event_registrations_pk', ['event_id', 'user_id'])
          .execute()
        await db.schema
          .createIndex('event_registrations_queue')
          .on('event_registrations')
          .columns(['event_id', 'status', 'seq'])
          .execute()
        await db.schema.createIndex('event_registrations_user').on('event_registrations').column('user_id').execute()

        // slides live in the database so every server process serves the same deck
        await db.schema
          .createTable('event_slides')
          .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
          .addColumn('page', 'integer', (c) => c.notNull())
          .addColumn('mime', 'text', (c) => c.notNull())
          .addColumn('data', pg ? 'bytea' : 'blob', (c) => c.notNull())
          .addPrimaryKeyConstraint('event_slides_pk', ['event_id', 'page'])
          .execute()

        await db.schema
          .createTable('event_questions')
          .addColumn('id', serial, pk)
          .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
          .addColumn('author_id', 'text', (c) => c.notNull())
          .addColumn('author_name', 'text', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('votes', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .execute()
        await db.schema.createIndex('event_questions_event').on('event_questions').column('event_id').execute()
        await db.schema
          .createTable('event_question_votes')
          .addColumn('question_id', 'bigint', (c) => c.notNull().references('event_questions.id'))
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('event_question_votes_pk', ['question_id', 'user_id'])
          .execute()

        await db.schema
          .createTable('event_chat')
          .addColumn('id', serial, pk)
          .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
          .addColumn('author_id', 'text', (c) => c.notNull())
          .addColumn('author_name', 'text', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('at', 'bigint', (c) => c.notNull())
          .execute()
        await db.schema.createIndex('event_chat_event').on('event_chat').columns(['event_id', 'id']).execute()

        await db.schema
          .createTable('event_polls')
          .addColumn('id', serial, pk)
          .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
          .addColumn('question', 'text', (c) => c.notNull())
          .addColumn('options', 'text', (c) => c.notNull())
          .addColumn('correct', 'integer')
          .addColumn('opened_at', 'bigint', (c) => c.notNull())
          .addColumn('ends_at', 'bigint', (c) => c.notNull())
          .addColumn('closed', 'integer', (c) => c.notNull().defaultTo(0))
          .execute()
        await db.schema.createIndex('event_polls_event').on('event_polls').column('event_id').execute()
        await db.schema
          .createTable('event_poll_votes')
          .addColumn('poll_id', 'bigint', (c) => c.notNull().references('event_polls.id'))
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('choice', 'integer', (c) => c.notNull())
          .addColumn('at', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('event_poll_votes_pk', ['poll_id', 'user_id'])
          .execute()

        await db.schema
          .createTable('event_attendance')
          .addColumn('id', serial, pk)
          .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('joined_at', 'bigint', (c) => c.notNull())
          .addColumn('left_at', 'bigint')
          .execute()
        await db.schema
          .createIndex('event_attendance_user')
          .on('event_attendance')
          .columns(['event_id', 'user_id'])
          .execute()
      },
    },
  }
}

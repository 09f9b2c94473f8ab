import { sql, type Kysely, type Migration } from 'kysely'

import type { Dialect } from '../migrations.ts'

/**
 * Migrations for live advisors: queue, appointments, suites, notes, follow-ups, summaries, complaint escalation.
 * Keys start with `003_advisors` so they run after the core ones; dialect differences are spelled out here.
 * The concurrency guarantees rest on partial unique indexes (both SQLite and PostgreSQL have them): one waiting
 * queue entry per visitor, one live appointment per slot.
 */
export function advisorMigrations(dialect: Dialect): Record<string, Migration> {
  const pg = dialect === 'postgres'
  return {
    '003_advisors': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('advisor_teams')
          .addColumn('advisor_id', 'text', (c) => c.primaryKey().references('users.id'))
          .addColumn('supervisor_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('updated_at', 'bigint', (c) => c.notNull())
          .execute()
        await db.schema.createIndex('advisor_teams_supervisor').on('advisor_teams').column('supervisor_id').execute()

        await db.schema
          .createTable('advisor_queue')
          .addColumn('reference', 'text', (c) => c.primaryKey())
          .addColumn('visitor_id', 'text', (c) => c.notNull())
          .addColumn('topic', 'text', (c) => c.notNull())
          .addColumn('lang', 'text', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('needs', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('enqueued_at', 'bigint', (c) => c.notNull())
          .addColumn('accepted_by', 'text')
          .addColumn('accepted_at', 'bigint')
          .addColumn('left_at', 'bigint')
          .execute()
        await db.schema
          .createIndex('advisor_queue_order')
          .on('advisor_queue')
          .columns(['status', 'enqueued_at', 'reference'])
          .execute()
        // a visitor waits once: a second "talk now" (or a double click) cannot create a second place
        await db.schema
          .createIndex('advisor_queue_one_waiting')
          .on('advisor_queue')
          .column('visitor_id')
          .unique()
          .where(sql.ref('status'), '=', 'waiting')
          .execute()

        await db.schema
          .createTable('advisor_declines')
          .addColumn('reference', 'text', (c) => c.notNull())
          .addColumn('advisor_id', 'text', (c) => c.notNull())
          .addColumn('at', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('advisor_declines_pk', ['reference', 'advisor_id'])
          .execute()

        await db.schema
          .createTable('advisor_slots')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('advisor_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('starts_at', 'bigint', (c) => c.notNull())
          .addColumn('ends_at', 'bigint', (c) => c.notNull())
          .addColumn('topics', 'text', (c) => c.notNull())
          .addColumn('booked_by', 'text')
          .addColumn('withdrawn', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addUniqueConstraint('advisor_slots_start', ['advisor_id', 'starts_at'])
          .execute()
        await db.schema.createIndex('advisor_slots_time').on('advisor_slots').columns(['starts_at']).execute()

        await db.schema
          .createTable('advisor_appointments')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('slot_id', 'text', (c) => c.notNull().references('advisor_slots.id'))
          .addColumn('customer_id', 'text', (c) => c.notNull())
          .addColumn('advisor_id', 'text', (c) => c.notNull())
          .addColumn('topic', 'text', (c) => c.notNull())
          .addColumn('time_zone', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('session_reference', 'text')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('updated_at', 'bigint', (c) => c.notNull())
          .execute()
        // the last line of defence against double booking: one live appointment per slot, whatever the code does
        await db.schema
          .createIndex('advisor_appointments_one_per_slot')
          .on('advisor_appointments')
          .column('slot_id')
          .unique()
          .where(sql.ref('status'), 'in', ['booked', 'started'])
          .execute()
        await db.schema
          .createIndex('advisor_appointments_customer')
          .on('advisor_appointments')
          .column('customer_id')
          .execute()
        await db.schema
          .createIndex('advisor_appointments_advisor')
          .on('advisor_appointments')
          .column('advisor_id')
          .execute()

        await db.schema
          .createTable('advisory_sessions')
          .addColumn('reference', 'text', (c) => c.primaryKey())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('appointment_id', 'text', (c) => c.unique())
          .addColumn('customer_id', 'text', (c) => c.notNull())
          .addColumn('advisor_id', 'text', (c) => c.notNull())
          .addColumn('topic', 'text', (c) => c.notNull())
          .addColumn('lang', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('started_at', 'bigint', (c) => c.notNull())
          .addColumn('ended_at', 'bigint')
          .addColumn('sandbox_session_id', 'text')
          .addColumn('wall', 'text', (c) => c.notNull())
          .addColumn('rating', 'integer')
          .addColumn('rating_comment', 'text')
          .execute()
        await db.schema
          .createIndex('advisory_sessions_customer')
          .on('advisory_sessions')
          .column('customer_id')
          .execute()
        await db.schema.createIndex('advisory_sessions_advisor').on('advisory_sessions').column('advisor_id').execute()

        await db.schema
          .createTable('advisory_participants')
          .addColumn('session_reference', 'text', (c) => c.notNull().references('advisory_sessions.reference'))
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('display_name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('added_at', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('advisory_participants_pk', ['session_reference', 'user_id'])
          .execute()
        await db.schema
          .createIndex('advisory_participants_user')
          .on('advisory_participants')
          .column('user_id')
          .execute()

        await db.schema
          .createTable('advisory_invites')
          .addColumn('code_hash', 'text', (c) => c.primaryKey())
          .addColumn('session_reference', 'text', (c) => c.notNull().references('advisory_sessions.reference'))
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .addColumn('used_by', 'text')
          .addColumn('used_at', 'bigint')
          .execute()

        await db.schema
          .createTable('advisory_notes')
          .addColumn('id', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('session_reference', 'text', (c) => c.notNull().references('advisory_sessions.reference'))
          .addColumn('author_id', 'text', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('at', 'bigint', (c) => c.notNull())
          .execute()
        await db.schema.createIndex('advisory_notes_session').on('advisory_notes').column('session_reference').execute()

        await db.schema
          .createTable('advisory_followups')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('session_reference', 'text', (c) => c.notNull().references('advisory_sessions.reference'))
          .addColumn('advisor_id', 'text', (c) => c.notNull())
          .addColumn('customer_id', 'text', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('due_at', 'bigint', (c) => c.notNull())
          .addColumn('done_at', 'bigint')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .execute()
        await db.schema
          .createIndex('advisory_followups_advisor')
          .on('advisory_followups')
          .columns(['advisor_id', 'due_at'])
          .execute()

        await db.schema
          .createTable('advisory_summaries')
          .addColumn('session_reference', 'text', (c) => c.primaryKey().references('advisory_sessions.reference'))
          .addColumn('customer_id', 'text', (c) => c.notNull())
          .addColumn('advisor_id', 'text', (c) => c.notNull())
          .addColumn('discussed', 'text', (c) => c.notNull())
          .addColumn('next_steps', 'text', (c) => c.notNull())
          .addColumn('disclosures', 'text', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .execute()
        await db.schema
          .createIndex('advisory_summaries_customer')
          .on('advisory_summaries')
          .column('customer_id')
          .execute()

        await db.schema
          .createTable('complaint_tracking')
          .addColumn('reference', 'text', (c) => c.primaryKey().references('complaints.reference'))
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('session_reference', 'text')
          .addColumn('advisor_id', 'text')
          .addColumn('escalated_at', 'bigint')
          .addColumn('escalated_to', 'text')
          .addColumn('responded_at', 'bigint')
          .addColumn('responded_by', 'text')
          .addColumn('response', 'text')
          .execute()
      },
    },
  }
}

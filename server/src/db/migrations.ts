import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely'

import { advisorMigrations } from './migrations/advisors.ts'
import { eventMigrations } from './migrations/events.ts'
import { sandboxMigrations } from './migrations/sandbox.ts'

/** The `prev_hash` of the first audit entry. */
export const GENESIS_HASH = '0'.repeat(64)

export type Dialect = 'sqlite' | 'postgres'

/**
 * Schema migrations, in order. Both dialects run the same steps; the few dialect differences
 * (auto-increment keys, trigger syntax) are spelled out here and nowhere else.
 */
function migrations(dialect: Dialect): Record<string, Migration> {
  const pg = dialect === 'postgres'
  return {
    '001_accounts': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('users')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('login_id', 'text', (c) => c.unique())
          .addColumn('display_name', 'text', (c) => c.notNull())
          .addColumn('password_hash', 'text')
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('lang', 'text', (c) => c.notNull())
          .addColumn('look', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('updated_at', 'bigint', (c) => c.notNull())
          .addColumn('deleted_at', 'bigint')
          .execute()
        await db.schema.createIndex('users_role').on('users').column('role').execute()

        await db.schema
          .createTable('sessions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('token_hash', 'text', (c) => c.notNull())
          .addColumn('generation', 'integer', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('last_used_at', 'bigint', (c) => c.notNull())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .addColumn('ended_at', 'bigint')
          .addColumn('end_reason', 'text')
          .execute()
        await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute()

        await db.schema
          .createTable('consents')
          .addColumn('id', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('purpose', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('granted', 'integer', (c) => c.notNull())
          .addColumn('at', 'bigint', (c) => c.notNull())
          .execute()
        await db.schema.createIndex('consents_user').on('consents').columns(['user_id', 'purpose', 'id']).execute()

        await db.schema
          .createTable('profiles')
          .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
          .addColumn('answers', 'text', (c) => c.notNull())
          .addColumn('goals', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'bigint', (c) => c.notNull())
          .execute()

        await db.schema
          .createTable('plans')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('data', 'text', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('updated_at', 'bigint', (c) => c.notNull())
          .execute()
        await db.schema.createIndex('plans_user').on('plans').column('user_id').execute()

        await db.schema
          .createTable('audit')
          .addColumn('seq', 'bigint', (c) => c.primaryKey())
          .addColumn('at', 'bigint', (c) => c.notNull())
          .addColumn('actor_id', 'text', (c) => c.notNull())
          .addColumn('actor_role', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('subject_id', 'text')
          .addColumn('detail', 'text', (c) => c.notNull())
          .addColumn('prev_hash', 'text', (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull())
          .execute()
        await db.schema.createIndex('audit_subject').on('audit').column('subject_id').execute()
        await db.schema.createIndex('audit_actor').on('audit').column('actor_id').execute()
        await db.schema.createIndex('audit_action').on('audit').column('action').execute()

        // The head row names the newest entry: appends lock it, and deleting the tail of the
        // chain (which leaves every remaining link intact) shows up as a head that points nowhere.
        await db.schema
          .createTable('audit_head')
          .addColumn('id', 'integer', (c) => c.primaryKey())
          .addColumn('seq', 'bigint', (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull())
          .execute()
        await sql`INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, ${GENESIS_HASH})`.execute(db)

        // The trail is append-only for everyone who goes through the database, not only the app.
        if (pg) {
          await sql`CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'audit trail is append-only'; END $$`.execute(db)
          await sql`CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit
            FOR EACH ROW EXECUTE FUNCTION audit_append_only()`.execute(db)
        } else {
          await sql`CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END`.execute(db)
          await sql`CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
            BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END`.execute(db)
        }
      },
    },
    '002_host': {
      async up(db: Kysely<unknown>) {
        // conversations with the digital host: private to the visitor (guest or account id)
        await db.schema
          .createTable('host_conversations')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('owner_id', 'text', (c) => c.notNull())
          .addColumn('lang', 'text', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('updated_at', 'bigint', (c) => c.notNull())
          .execute()
        await db.schema.createIndex('host_conversations_owner').on('host_conversations').column('owner_id').execute()
        await db.schema
          .createTable('host_turns')
          .addColumn('id', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('conversation_id', 'text', (c) => c.notNull().references('host_conversations.id'))
          .addColumn('speaker', 'text', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('kind', 'text')
          .addColumn('at', 'bigint', (c) => c.notNull())
          .execute()
        await db.schema
          .createIndex('host_turns_conversation')
          .on('host_turns')
          .columns(['conversation_id', 'id'])
          .execute()
        // hand-off requests: the context packet is stored as JSON, as the advisor will receive it
        await db.schema
          .createTable('handoffs')
          .addColumn('reference', 'text', (c) => c.primaryKey())
          .addColumn('conversation_id', 'text', (c) => c.notNull())
          .addColumn('visitor_id', 'text', (c) => c.notNull())
          .addColumn('visitor_role', 'text', (c) => c.notNull())
          .addColumn('packet', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('taken_by', 'text')
          .addColumn('taken_at', 'bigint')
          .execute()
        await db.schema.createIndex('handoffs_status').on('handoffs').columns(['status', 'created_at']).execute()
        await db.schema.createIndex('handoffs_visitor').on('handoffs').column('visitor_id').execute()
        await db.schema
          .createTable('complaints')
          .addColumn('reference', 'text', (c) => c.primaryKey())
          .addColumn('visitor_id', 'text', (c) => c.notNull())
          .addColumn('conversation_id', 'text')
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('lang', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('due_at', 'bigint', (c) => c.notNull())
          .execute()
        await db.schema.createIndex('complaints_visitor').on('complaints').column('visitor_id').execute()
      },
    },
    ...advisorMigrations(dialect),
    ...eventMigrations(dialect),
    ...sandboxMigrations(dialect),
  }
}

/** Kysely migration provider for the given dialect. */
export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: () => Promise.resolve(migrations(dialect)) }
}

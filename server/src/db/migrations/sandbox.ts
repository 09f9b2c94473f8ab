import type { Kysely, Migration } from 'kysely'

import type { Dialect } from '../migrations.ts'

/**
 * Migrations for shared wealth-sandbox sessions: members, proposals, accepted changes.
 * Keys start with `005_sandbox` so they run after the core ones; dialect differences are spelled out here.
 */
export function sandboxMigrations(dialect: Dialect): Record<string, Migration> {
  const pg = dialect === 'postgres'
  return {
    '005_sandbox': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('sandbox_sessions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('data', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('invite_code', 'text', (c) => c.unique())
          .addColumn('invite_expires_at', 'bigint')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('updated_at', 'bigint', (c) => c.notNull())
          .addColumn('closed_at', 'bigint')
          .execute()
        await db.schema.createIndex('sandbox_sessions_owner').on('sandbox_sessions').column('owner_id').execute()

        await db.schema
          .createTable('sandbox_members')
          .addColumn('session_id', 'text', (c) => c.notNull().references('sandbox_sessions.id'))
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('joined_at', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('sandbox_members_pk', ['session_id', 'user_id'])
          .execute()
        await db.schema.createIndex('sandbox_members_user').on('sandbox_members').column('user_id').execute()

        await db.schema
          .createTable('sandbox_proposals')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('session_id', 'text', (c) => c.notNull().references('sandbox_sessions.id'))
          .addColumn('author_id', 'text', (c) => c.notNull())
          .addColumn('data', 'text', (c) => c.notNull())
          .addColumn('note', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('decided_at', 'bigint')
          .execute()
        await db.schema
          .createIndex('sandbox_proposals_session')
          .on('sandbox_proposals')
          .columns(['session_id', 'status'])
          .execute()

        await db.schema
          .createTable('sandbox_history')
          .addColumn('id', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('session_id', 'text', (c) => c.notNull().references('sandbox_sessions.id'))
          .addColumn('actor_id', 'text', (c) => c.notNull())
          .addColumn('proposal_id', 'text')
          .addColumn('data', 'text', (c) => c.notNull())
          .addColumn('risk', 'text', (c) => c.notNull())
          .addColumn('suitability', 'text', (c) => c.notNull())
          .addColumn('category', 'text')
          .addColumn('at', 'bigint', (c) => c.notNull())
          .execute()
        await db.schema
          .createIndex('sandbox_history_session')
          .on('sandbox_history')
          .columns(['session_id', 'id'])
          .execute()

        await db.schema
          .createTable('sandbox_confirmations')
          .addColumn('id', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('risk', 'text', (c) => c.notNull())
          .addColumn('category', 'text')
          .addColumn('assessed_at', 'text')
          .addColumn('disclosure_version', 'integer', (c) => c.notNull())
          .addColumn('lang', 'text', (c) => c.notNull())
          .addColumn('at', 'bigint', (c) => c.notNull())
          .execute()
        await db.schema
          .createIndex('sandbox_confirmations_user')
          .on('sandbox_confirmations')
          .columns(['user_id', 'key'])
          .execute()
      },
    },
  }
}

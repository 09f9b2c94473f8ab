import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import pg from 'pg'
import { inject } from 'vitest'

import { openDatabase, type AtriumDb } from '../src/db/database.ts'
import type { Database } from '../src/db/schema.ts'

/** Both database engines, for `describe.each(DIALECTS)`. */
export const DIALECTS = ['sqlite', 'postgres'] as const

export type DialectName = (typeof DIALECTS)[number]

/** A migrated database of its own for one test; `drop()` closes it and deletes it. */
export type TestDb = AtriumDb & {
  /** PostgreSQL URL of this database; undefined for SQLite. */
  url: string | undefined
  /** SQLite file (unused, but valid, for PostgreSQL). */
  sqlitePath: string
  drop(): Promise<void>
}

/** Runs one statement as superuser on the PostgreSQL cluster the global setup started. */
async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('pgAdminUrl') })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/**
 * A new, empty (not migrated) database on the test PostgreSQL cluster, for tests of migration itself.
 * `drop()` deletes it, ending any connection still open to it.
 */
export async function emptyPgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  // random names, so test files never collide even if they some day run in parallel
  const name = `atrium_t_${randomBytes(6).toString('hex')}`
  await admin(`CREATE DATABASE ${name}`)
  const url = new URL(inject('pgAdminUrl'))
  url.pathname = `/${name}`
  // FORCE ends connections a test may have left open (its own pools, a concurrent openDatabase)
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}

/**
 * A fresh, migrated database: a new SQLite file in a temp dir, or a new database on the test PostgreSQL cluster
 * (see globalSetup.ts). Call `drop()` when done, typically in `afterEach`.
 */
export async function freshDb(kind: DialectName): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), 'atrium-db-'))
  const sqlitePath = join(dir, 'atrium.sqlite')
  const empty = kind === 'postgres' ? await emptyPgDatabase() : undefined
  let handle: AtriumDb
  try {
    handle = await openDatabase({ url: empty?.url, sqlitePath })
  } catch (e) {
    await empty?.drop()
    rmSync(dir, { recursive: true, force: true })
    throw e
  }
  return {
    ...handle,
    url: empty?.url,
    sqlitePath,
    async drop() {
      await handle.close()
      await empty?.drop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Every table of the schema (a Record, so that a table added to schema.ts fails type-checking here until listed). */
const TABLE_SET: Record<keyof Database, true> = {
  users: true,
  sessions: true,
  consents: true,
  profiles: true,
  plans: true,
  audit: true,
  audit_head: true,
  host_conversations: true,
  host_turns: true,
  handoffs: true,
  complaints: true,
  advisor_teams: true,
  advisor_queue: true,
  advisor_declines: true,
  advisor_slots: true,
  advisor_appointments: true,
  advisory_sessions: true,
  advisory_participants: true,
  advisory_invites: true,
  advisory_notes: true,
  advisory_followups: true,
  advisory_summaries: true,
  complaint_tracking: true,
  events: true,
  event_registrations: true,
  event_slides: true,
  event_questions: true,
  event_question_votes: true,
  event_chat: true,
  event_polls: true,
  event_poll_votes: true,
  event_attendance: true,
  sandbox_sessions: true,
  sandbox_members: true,
  sandbox_proposals: true,
  sandbox_history: true,
  sandbox_confirmations: true,
}
export const SCHEMA_TABLES = Object.keys(TABLE_SET) as (keyof Database)[]

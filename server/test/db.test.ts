import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'

import { integrityCheck, openDatabase, type AtriumDb } from '../src/db/database.ts'
import { migrationProvider } from '../src/db/migrations.ts'
import type { NewUser } from '../src/db/schema.ts'
import { DIALECTS, emptyPgDatabase, freshDb, SCHEMA_TABLES, type TestDb } from './db.ts'

const TABLES = [...SCHEMA_TABLES].sort()

/** A time well above 2^31, so a bigint that came back as a string or was truncated to int4 shows. */
const NOW = 1_767_225_600_123

function user(id: string): NewUser {
  return {
    id,
    login_id: id,
    display_name: id,
    password_hash: null,
    role: 'visitor',
    lang: 'en',
    look: 0,
    disabled: 0,
    created_at: NOW,
    updated_at: NOW,
    deleted_at: null,
  }
}

async function migrationNames(handle: AtriumDb): Promise<string[]> {
  const r = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(handle.db)
  return r.rows.map((x) => x.name)
}

async function expectedMigrations(handle: AtriumDb): Promise<string[]> {
  return Object.keys(await migrationProvider(handle.dialect).getMigrations()).sort()
}

async function tableNames(handle: AtriumDb): Promise<string[]> {
  const tables = await handle.db.introspection.getTables()
  return tables
    .map((t) => t.name)
    .filter((n) => !n.startsWith('kysely_'))
    .sort()
}

describe.each(DIALECTS)('database on %s', (kind) => {
  let t: TestDb
  const extra: AtriumDb[] = []

  afterEach(async () => {
    for (const h of extra.splice(0)) await h.close()
    await t?.drop()
  })

  it('migrations create every table', async () => {
    t = await freshDb(kind)
    expect(t.dialect).toBe(kind)
    expect(await tableNames(t)).toEqual(TABLES)
  })

  it('opening the same database again is idempotent and keeps the data', async () => {
    t = await freshDb(kind)
    await t.db.insertInto('users').values(user('u1')).execute()
    const again = await openDatabase({ url: t.url, sqlitePath: t.sqlitePath })
    extra.push(again)
    expect(await tableNames(again)).toEqual(TABLES)
    const rows = await again.db.selectFrom('users').select('id').execute()
    expect(rows).toEqual([{ id: 'u1' }])
    expect(await migrationNames(again)).toEqual(await expectedMigrations(again))
  })

  it('bigint columns, generated ids and counts come back as numbers', async () => {
    t = await freshDb(kind)
    await t.db.insertInto('users').values(user('u1')).execute()
    const row = await t.db.selectFrom('users').selectAll().where('id', '=', 'u1').executeTakeFirstOrThrow()
    expect(row.created_at).toBe(NOW)
    expect(row.deleted_at).toBeNull()
    const consent = await t.db
      .insertInto('consents')
      .values({ user_id: 'u1', purpose: 'profile', version: 1, granted: 1, at: NOW })
      .returning(['id', 'at'])
      .executeTakeFirstOrThrow()
    expect(consent).toEqual({ id: 1, at: NOW })
    const { n } = await t.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(n).toBe(1)
  })

  it('the audit trail refuses UPDATE and DELETE', async () => {
    t = await freshDb(kind)
    const entry = {
      seq: 1,
      at: NOW,
      actor_id: 'u1',
      actor_role: 'visitor',
      action: 'signin',
      subject_id: null,
      detail: '{}',
      prev_hash: '0',
      hash: 'h1',
    }
    await t.db.insertInto('audit').values(entry).execute()
    await expect(t.db.updateTable('audit').set({ detail: '{"x":1}' }).where('seq', '=', 1).execute()).rejects.toThrow(
      /append-only/,
    )
    await expect(t.db.deleteFrom('audit').execute()).rejects.toThrow(/append-only/)
    // appending still works, and the first row is untouched
    await t.db
      .insertInto('audit')
      .values({ ...entry, seq: 2, prev_hash: 'h1', hash: 'h2' })
      .execute()
    const rows = await t.db.selectFrom('audit').selectAll().orderBy('seq').execute()
    expect(rows).toEqual([entry, { ...entry, seq: 2, prev_hash: 'h1', hash: 'h2' }])
  })

  it('enforces foreign keys (sessions.user_id → users.id)', async () => {
    t = await freshDb(kind)
    const session = {
      id: 's1',
      user_id: 'nobody',
      token_hash: 'x',
      generation: 0,
      created_at: NOW,
      last_used_at: NOW,
      expires_at: NOW + 1,
      ended_at: null,
      end_reason: null,
    }
    await expect(t.db.insertInto('sessions').values(session).execute()).rejects.toThrow(/foreign key/i)
    await t.db.insertInto('users').values(user('u1')).execute()
    await t.db
      .insertInto('sessions')
      .values({ ...session, user_id: 'u1' })
      .execute()
    await expect(t.db.deleteFrom('users').where('id', '=', 'u1').execute()).rejects.toThrow(/foreign key/i)
  })

  it('passes the integrity check', async () => {
    t = await freshDb(kind)
    expect(await integrityCheck(t)).toBe('ok')
  })
})

describe('database on postgres, migration lock', () => {
  it('concurrent openDatabase calls on one fresh database all succeed and migrate once', async () => {
    const empty = await emptyPgDatabase()
    const handles: AtriumDb[] = []
    try {
      const results = await Promise.allSettled([1, 2, 3].map(() => openDatabase({ url: empty.url, sqlitePath: '' })))
      for (const r of results) if (r.status === 'fulfilled') handles.push(r.value)
      expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok'])
      const first = handles[0]
      if (!first) throw new Error('no handle')
      expect(await tableNames(first)).toEqual(TABLES)
      expect(await migrationNames(first)).toEqual(await expectedMigrations(first))
    } finally {
      for (const h of handles) await h.close()
      await empty.drop()
    }
  })
})

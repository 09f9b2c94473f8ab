import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

import SQLite from 'better-sqlite3'
import { Kysely, Migrator, PostgresDialect, sql, SqliteDialect } from 'kysely'
import pg from 'pg'

import { migrationProvider, type Dialect } from './migrations.ts'
import type { Database } from './schema.ts'

export interface DatabaseOptions {
  /** `postgres://…` selects PostgreSQL; unset uses SQLite at `sqlitePath`. */
  url?: string | undefined
  /** SQLite file; its folder is created when missing. */
  sqlitePath: string
  /** PostgreSQL pool size per process. */
  poolSize?: number
}

/** An open, migrated database. */
export interface AtriumDb {
  db: Kysely<Database>
  dialect: Dialect
  /** Human-readable location for logs (never includes a password). */
  where: string
  close(): Promise<void>
}

const INT8_OID = 20
const NUMERIC_OID = 1700

/** pg returns bigint as strings by default; every bigint here is a time or a counter well below 2^53. */
const pgTypes = {
  getTypeParser(oid: number, format?: string) {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (v: string) => Number(v)
    return pg.types.getTypeParser(oid, format as 'text')
  },
}

function redact(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return 'postgres'
  }
}

/** Opens the database chosen by `url`, creating and migrating it as needed. */
export async function openDatabase(options: DatabaseOptions): Promise<AtriumDb> {
  const isPg = !!options.url && /^postgres(ql)?:\/\//.test(options.url)
  if (options.url && !isPg) throw new Error('DATABASE_URL must start with postgres:// or postgresql://')
  let db: Kysely<Database>
  let where: string
  let onClose = () => {}
  if (isPg) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, types: pgTypes })
    let closing = false
    // an idle connection dropped by the server (restart, failover, admin) must not crash the process;
    // the pool replaces it and the next query reconnects
    pool.on('error', (e) => {
      if (!closing) console.error(`[db] idle PostgreSQL connection lost: ${e.message}`)
    })
    onClose = () => {
      closing = true
    }
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    where = redact(options.url ?? '')
  } else {
    const file = resolve(options.sqlitePath)
    mkdirSync(dirname(file), { recursive: true })
    const sqlite = new SQLite(file)
    // WAL keeps readers off the writer's back; FULL makes every acknowledged commit durable.
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
    where = file
  }
  const dialect: Dialect = isPg ? 'postgres' : 'sqlite'
  const migrator = new Migrator({ db, provider: migrationProvider(dialect) })
  const { error } = await migrator.migrateToLatest()
  if (error) {
    await db.destroy()
    throw new Error(`database migration failed: ${error instanceof Error ? error.message : String(error)}`)
  }
  return {
    db,
    dialect,
    where,
    close: () => {
      onClose()
      return db.destroy()
    },
  }
}

/** SQLite's `PRAGMA integrity_check`, or a trivial query on PostgreSQL; 'ok' when healthy. */
export async function integrityCheck(handle: AtriumDb): Promise<string> {
  if (handle.dialect === 'postgres') {
    await sql`select 1`.execute(handle.db)
    return 'ok'
  }
  const r = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(handle.db)
  return r.rows.map((x) => x.integrity_check).join('; ')
}

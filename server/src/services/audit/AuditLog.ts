import type { AuditAction, AuditEntryView, AuditQuery, AuditVerifyResult, Role } from '@atrium/common'
import { sql, type Kysely, type Transaction } from 'kysely'

import { GENESIS_HASH } from '../../db/migrations.ts'
import type { AtriumDb } from '../../db/database.ts'
import type { AuditRow, Database } from '../../db/schema.ts'
import { canonicalJson, entryHash } from './canonical.ts'

/** Who did something: an account, a guest, or the system itself (CLI, start-up). */
export interface Actor {
  id: string
  role: Role | 'system'
}

export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'system' }

export interface AuditInput {
  actor: Actor
  action: AuditAction
  subjectId?: string | null
  /** Pseudonymous facts only: ids, purposes, versions, reasons. Never emails, phones or names. */
  detail?: Record<string, unknown>
}

type Db = Kysely<Database> | Transaction<Database>

function toView(row: AuditRow): AuditEntryView {
  return {
    seq: row.seq,
    at: row.at,
    actorId: row.actor_id,
    actorRole: row.actor_role as AuditEntryView['actorRole'],
    action: row.action as AuditAction,
    subjectId: row.subject_id,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    hash: row.hash,
  }
}

/**
 * The tamper-evident audit trail. Each entry's hash covers the previous entry's hash and its own
 * canonical content; appends serialize on the `audit_head` row, which also records the newest entry
 * so that removing entries from the end is detected too.
 */
export class AuditLog {
  constructor(private readonly handle: AtriumDb) {}

  /** Appends an entry inside `trx` when given (so it commits with the change it records). */
  async append(input: AuditInput, trx?: Transaction<Database>): Promise<void> {
    if (trx) return this.appendIn(trx, input)
    await this.handle.db.transaction().execute((t) => this.appendIn(t, input))
  }

  private async appendIn(trx: Transaction<Database>, input: AuditInput): Promise<void> {
    let head = trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1)
    // SQLite transactions already run one at a time on the single connection; PostgreSQL needs the row lock.
    if (this.handle.dialect === 'postgres') head = head.forUpdate()
    const prev = await head.executeTakeFirstOrThrow()
    const content = {
      seq: prev.seq + 1,
      at: Date.now(),
      actorId: input.actor.id,
      actorRole: input.actor.role,
      action: input.action,
      subjectId: input.subjectId ?? null,
      detail: input.detail ?? {},
    }
    const hash = entryHash(prev.hash, content)
    await trx
      .insertInto('audit')
      .values({
        seq: content.seq,
        at: content.at,
        actor_id: content.actorId,
        actor_role: content.actorRole,
        action: content.action,
        subject_id: content.subjectId,
        detail: canonicalJson(content.detail),
        prev_hash: prev.hash,
        hash,
      })
      .execute()
    await trx.updateTable('audit_head').set({ seq: content.seq, hash }).where('id', '=', 1).execute()
  }

  /** Filtered entries, newest first. */
  async query(q: AuditQuery, db: Db = this.handle.db): Promise<AuditEntryView[]> {
    let s = db.selectFrom('audit').selectAll()
    if (q.actor) s = s.where('actor_id', '=', q.actor)
    if (q.subject) s = s.where('subject_id', '=', q.subject)
    if (q.action) s = s.where('action', '=', q.action)
    if (q.from !== undefined) s = s.where('at', '>=', q.from)
    if (q.to !== undefined) s = s.where('at', '<=', q.to)
    if (q.before !== undefined) s = s.where('seq', '<', q.before)
    const rows = await s.orderBy('seq', 'desc').limit(q.limit).execute()
    return rows.map(toView)
  }

  /** Every entry where the person is actor or subject (for their data export). */
  async about(userId: string, db: Db = this.handle.db): Promise<AuditEntryView[]> {
    const rows = await db
      .selectFrom('audit')
      .selectAll()
      .where((eb) => eb.or([eb('subject_id', '=', userId), eb('actor_id', '=', userId)]))
      .orderBy('seq')
      .execute()
    return rows.map(toView)
  }

  /** Walks the whole chain in order and names the first entry that does not check out. */
  async verify(pageSize = 1000): Promise<AuditVerifyResult> {
    const { db } = this.handle
    let prevHash = GENESIS_HASH
    let expected = 1
    let entries = 0
    for (;;) {
      const rows = await db
        .selectFrom('audit')
        .selectAll()
        .where('seq', '>=', expected)
        .orderBy('seq')
        .limit(pageSize)
        .execute()
      for (const row of rows) {
        const broken = (reason: string): AuditVerifyResult => ({
          ok: false,
          entries,
          firstBroken: { seq: row.seq, reason },
        })
        if (row.seq !== expected) return { ok: false, entries, firstBroken: { seq: expected, reason: 'entry missing' } }
        if (row.prev_hash !== prevHash) return broken('link to the previous entry does not match')
        let detail: Record<string, unknown>
        try {
          detail = JSON.parse(row.detail) as Record<string, unknown>
        } catch {
          return broken('detail is not valid JSON')
        }
        const content = {
          seq: row.seq,
          at: row.at,
          actorId: row.actor_id,
          actorRole: row.actor_role,
          action: row.action,
          subjectId: row.subject_id,
          detail,
        }
        if (entryHash(prevHash, content) !== row.hash) return broken('content does not match its hash')
        prevHash = row.hash
        expected += 1
        entries += 1
      }
      if (rows.length < pageSize) break
    }
    const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst()
    if (!head || head.seq !== entries || head.hash !== prevHash) {
      return {
        ok: false,
        entries,
        firstBroken: { seq: entries + 1, reason: 'entries missing after the last one found' },
      }
    }
    return { ok: true, entries }
  }
}

/** Raw count, for tests and the CLI. */
export async function auditCount(db: Kysely<Database>): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from audit`.execute(db)
  return Number(r.rows[0]?.n ?? 0)
}

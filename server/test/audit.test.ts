import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { AuditLog } from '../src/services/audit/AuditLog.ts'
import { canonicalJson } from '../src/services/audit/canonical.ts'
import { DIALECTS, freshDb, type TestDb } from './db.ts'

const root = join(import.meta.dirname, '../..')

/** Turns off the append-only triggers, as someone with direct database access could. */
async function allowTampering(t: TestDb): Promise<void> {
  if (t.dialect === 'postgres') await sql`ALTER TABLE audit DISABLE TRIGGER audit_no_change`.execute(t.db)
  else {
    await sql`DROP TRIGGER audit_no_update`.execute(t.db)
    await sql`DROP TRIGGER audit_no_delete`.execute(t.db)
  }
}

/** Runs `npm run audit:verify` against the test database, as an operator would. */
function verifyCli(t: TestDb): { code: number | null; out: string } {
  const env = {
    ...process.env,
    DATABASE_URL: t.url ?? '',
    ATRIUM_DB_PATH: t.sqlitePath,
    ATRIUM_DATA_DIR: join(t.sqlitePath, '..'),
  }
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'server/src/cli/auditVerify.ts')], {
    cwd: root,
    env,
    encoding: 'utf8',
  })
  return { code: r.status, out: r.stdout + r.stderr }
}

describe.each(DIALECTS)('audit trail on %s', (dialect) => {
  let t: TestDb
  let log: AuditLog

  beforeEach(async () => {
    t = await freshDb(dialect)
    log = new AuditLog(t)
    // concurrent appends must still form one unbroken chain
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        log.append({
          actor: { id: `u_actor${i % 3}xxxx`, role: 'advisor' },
          action: 'customer.read',
          subjectId: 'u_subjectxx',
          detail: { i },
        }),
      ),
    )
  })
  afterEach(() => t.drop())

  it('chains concurrent appends without gaps', async () => {
    const rows = await t.db.selectFrom('audit').select(['seq', 'prev_hash', 'hash']).orderBy('seq').execute()
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1))
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash)
    expect(await log.verify()).toEqual({ ok: true, entries: 12 })
    const cli = verifyCli(t)
    expect(cli.code).toBe(0)
    expect(cli.out).toMatch(/OK: 12 entries/)
  })

  it('refuses edits through the database itself', async () => {
    await expect(
      t.db.updateTable('audit').set({ action: 'auth.login' }).where('seq', '=', 3).execute(),
    ).rejects.toThrow(/append-only/)
    await expect(t.db.deleteFrom('audit').where('seq', '=', 3).execute()).rejects.toThrow(/append-only/)
  })

  it('detects a changed entry and names it', async () => {
    await allowTampering(t)
    await t.db
      .updateTable('audit')
      .set({ detail: canonicalJson({ i: 99 }) })
      .where('seq', '=', 5)
      .execute()
    expect(await log.verify()).toMatchObject({ ok: false, firstBroken: { seq: 5, reason: /content/ } })
    const cli = verifyCli(t)
    expect(cli.code).toBe(1)
    expect(cli.out).toMatch(/BROKEN at entry #5/)
  })

  it('detects a changed actor even when the hash is recomputed without the chain', async () => {
    await allowTampering(t)
    await t.db.updateTable('audit').set({ actor_id: 'u_someoneelse' }).where('seq', '=', 7).execute()
    expect((await log.verify()).firstBroken?.seq).toBe(7)
  })

  it('detects a deleted entry', async () => {
    await allowTampering(t)
    await t.db.deleteFrom('audit').where('seq', '=', 4).execute()
    expect(await log.verify()).toMatchObject({ ok: false, firstBroken: { seq: 4, reason: 'entry missing' } })
    expect(verifyCli(t).out).toMatch(/#4/)
  })

  it('detects reordered entries', async () => {
    await allowTampering(t)
    await t.db.updateTable('audit').set({ seq: 1000 }).where('seq', '=', 6).execute()
    await t.db.updateTable('audit').set({ seq: 6 }).where('seq', '=', 8).execute()
    await t.db.updateTable('audit').set({ seq: 8 }).where('seq', '=', 1000).execute()
    expect((await log.verify()).firstBroken?.seq).toBe(6)
  })

  it('detects entries cut off the end', async () => {
    await allowTampering(t)
    await t.db.deleteFrom('audit').where('seq', '>=', 11).execute()
    const r = await log.verify()
    expect(r.ok).toBe(false)
    expect(r.firstBroken?.seq).toBe(11)
    expect(verifyCli(t).code).toBe(1)
  })

  it('filters for compliance by actor, action, subject, time and page', async () => {
    const byActor = await log.query({ actor: 'u_actor1xxxx', limit: 100 })
    expect(byActor.map((e) => e.detail.i).sort()).toEqual([1, 10, 4, 7])
    const seqs = byActor.map((e) => e.seq)
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a))
    expect(byActor).toHaveLength(4)
    expect(await log.query({ action: 'auth.login', limit: 100 })).toHaveLength(0)
    expect(await log.query({ subject: 'u_subjectxx', limit: 5 })).toHaveLength(5)
    const page = await log.query({ before: 4, limit: 100 })
    expect(page.map((e) => e.seq)).toEqual([3, 2, 1])
    expect(await log.query({ from: Date.now() + 60_000, limit: 100 })).toHaveLength(0)
  })
})

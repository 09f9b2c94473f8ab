import type { Kysely, Transaction } from 'kysely'

import type { AtriumDb } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import { authorize, type Principal } from '../../policy/policy.ts'
import type { AuditLog } from '../audit/AuditLog.ts'
import { AdvisorError, notFound } from './AdvisorError.ts'

type Db = Kysely<Database> | Transaction<Database>

/**
 * The minimal team model: an advisor has at most one supervisor, who is an advisor too. Supervisors see their team's
 * sessions (audited) and receive its overdue complaints. Admins set it.
 */
export class Teams {
  constructor(
    private readonly handle: AtriumDb,
    private readonly audit: AuditLog,
  ) {}

  /** Puts `advisorId` in `supervisorId`'s team, or in none (null). */
  async setSupervisor(who: Principal, advisorId: string, supervisorId: string | null): Promise<void> {
    authorize(who, 'advisors.team')
    if (supervisorId === advisorId)
      throw new AdvisorError(400, 'invalid_team', 'an advisor cannot supervise themselves')
    const ids = supervisorId ? [advisorId, supervisorId] : [advisorId]
    const rows = await this.handle.db
      .selectFrom('users')
      .select(['id', 'role'])
      .where('id', 'in', ids)
      .where('deleted_at', 'is', null)
      .execute()
    if (rows.length !== ids.length || rows.some((r) => r.role !== 'advisor')) throw notFound('advisor')
    await this.handle.db.transaction().execute(async (trx) => {
      if (supervisorId === null) {
        await trx.deleteFrom('advisor_teams').where('advisor_id', '=', advisorId).execute()
      } else {
        const values = { supervisor_id: supervisorId, updated_at: Date.now() }
        await trx
          .insertInto('advisor_teams')
          .values({ advisor_id: advisorId, ...values })
          .onConflict((oc) => oc.column('advisor_id').doUpdateSet(values))
          .execute()
      }
      await this.audit.append(
        { actor: who, action: 'team.changed', subjectId: advisorId, detail: { supervisorId } },
        trx,
      )
    })
  }

  /** The supervisor of an advisor's team, or null. */
  async supervisorOf(advisorId: string, db: Db = this.handle.db): Promise<string | null> {
    const row = await db
      .selectFrom('advisor_teams')
      .select('supervisor_id')
      .where('advisor_id', '=', advisorId)
      .executeTakeFirst()
    return row?.supervisor_id ?? null
  }

  /** The advisors a supervisor supervises. */
  async teamOf(supervisorId: string): Promise<string[]> {
    const rows = await this.handle.db
      .selectFrom('advisor_teams')
      .select('advisor_id')
      .where('supervisor_id', '=', supervisorId)
      .execute()
    return rows.map((r) => r.advisor_id)
  }
}

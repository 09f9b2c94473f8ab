import type { PlanBody, PlanView, ProfileBody, ProfileView } from '@atrium/common'
import type { Kysely, Transaction } from 'kysely'

import type { AtriumDb } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import { newId } from '../tokens.ts'

type Db = Kysely<Database> | Transaction<Database>

/** Plans per customer: enough for any real comparison, bounded so one account cannot fill the disk. */
export const MAX_PLANS = 50

export class PlanLimitError extends Error {}

/**
 * What customers entrust to the branch: their risk profile and saved plans. Only the owner calls
 * these directly; staff go through StaffAccess, which applies the policy and writes the audit.
 */
export class CustomerDataService {
  constructor(private readonly handle: AtriumDb) {}

  async profile(userId: string, db: Db = this.handle.db): Promise<ProfileView | null> {
    const row = await db.selectFrom('profiles').selectAll().where('user_id', '=', userId).executeTakeFirst()
    if (!row) return null
    return { answers: JSON.parse(row.answers) as ProfileView['answers'], goals: row.goals, updatedAt: row.updated_at }
  }

  async saveProfile(userId: string, body: ProfileBody): Promise<ProfileView> {
    const now = Date.now()
    const values = { answers: JSON.stringify(body.answers), goals: body.goals, updated_at: now }
    await this.handle.db
      .insertInto('profiles')
      .values({ user_id: userId, ...values })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
      .execute()
    return { ...body, updatedAt: now }
  }

  async plans(userId: string, db: Db = this.handle.db): Promise<PlanView[]> {
    const rows = await db.selectFrom('plans').selectAll().where('user_id', '=', userId).orderBy('created_at').execute()
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      data: JSON.parse(r.data) as PlanView['data'],
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }))
  }

  async addPlan(userId: string, body: PlanBody): Promise<PlanView> {
    return this.handle.db.transaction().execute(async (trx) => {
      const n = await trx
        .selectFrom('plans')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', userId)
        .executeTakeFirst()
      if (Number(n?.n ?? 0) >= MAX_PLANS) throw new PlanLimitError(`at most ${MAX_PLANS} saved plans`)
      const now = Date.now()
      const plan: PlanView = { id: newId('p'), name: body.name, data: body.data, createdAt: now, updatedAt: now }
      await trx
        .insertInto('plans')
        .values({
          id: plan.id,
          user_id: userId,
          name: plan.name,
          data: JSON.stringify(plan.data),
          created_at: now,
          updated_at: now,
        })
        .execute()
      return plan
    })
  }

  /** Deletes the caller's own plan; false when it is not theirs or does not exist (never says which). */
  async deletePlan(userId: string, planId: string): Promise<boolean> {
    const r = await this.handle.db
      .deleteFrom('plans')
      .where('id', '=', planId)
      .where('user_id', '=', userId)
      .executeTakeFirst()
    return Number(r.numDeletedRows) > 0
  }

  /** Removes everything entrusted (used by account deletion, inside its transaction). */
  async eraseAll(userId: string, trx: Transaction<Database>): Promise<void> {
    await trx.deleteFrom('plans').where('user_id', '=', userId).execute()
    await trx.deleteFrom('profiles').where('user_id', '=', userId).execute()
  }
}

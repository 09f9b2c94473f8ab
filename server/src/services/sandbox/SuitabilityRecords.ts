import {
  confirmationKey,
  needsConfirmation,
  planSuitability,
  SUITABILITY_DISCLOSURE,
  assessmentFromProfile,
  type PlanSuitabilityCheck,
  type RiskAssessment,
  type SandboxPlanData,
  type SuitabilityConfirmationView,
  type SuitabilityConfirmRequest,
} from '@atrium/common'
import type { Transaction } from 'kysely'

import type { AtriumDb } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import type { Actor, AuditLog } from '../audit/AuditLog.ts'
import type { CustomerDataService } from '../privacy/CustomerDataService.ts'

/** Thrown when a confirmation cannot be recorded: nothing to confirm, or an outdated disclosure text. */
export class NothingToConfirm extends Error {}

/** Thrown when a change needs the owner's recorded confirmation first. */
export class ConfirmationRequired extends Error {
  constructor(readonly check: PlanSuitabilityCheck) {
    super(`the plan is rated ${check.risk}: its suitability warning (${check.status}) must be confirmed first`)
  }
}

/**
 * Suitability on the server: the customer's stored risk profile scored as the panel scores it, the plan checked
 * against it, and the customer's explicit confirmations of a warning (留痕: recorded in the audit trail and kept
 * so that a confirmed check does not ask again).
 */
export class SuitabilityRecords {
  constructor(
    private readonly handle: AtriumDb,
    private readonly data: CustomerDataService,
    private readonly audit: AuditLog,
  ) {}

  /** The customer's current assessment; undefined without a complete questionnaire. */
  async assessment(customerId: string): Promise<RiskAssessment | undefined> {
    const profile = await this.data.profile(customerId)
    return profile ? assessmentFromProfile(profile) : undefined
  }

  /** The plan checked against the customer's current assessment. */
  async check(customerId: string, plan: SandboxPlanData): Promise<PlanSuitabilityCheck | undefined> {
    return planSuitability(plan.allocation, await this.assessment(customerId))
  }

  /** Records the customer's confirmation of the warning this plan shows them now. */
  async confirm(who: Actor, req: SuitabilityConfirmRequest): Promise<SuitabilityConfirmationView> {
    if (req.disclosureVersion !== SUITABILITY_DISCLOSURE.version) {
      throw new NothingToConfirm('the disclosure text has changed; read it again')
    }
    const check = await this.check(who.id, req.data)
    if (!check || !needsConfirmation(check)) throw new NothingToConfirm('this plan shows no warning to confirm')
    const view: SuitabilityConfirmationView = {
      key: confirmationKey(check),
      status: check.status as 'mismatch' | 'expired',
      risk: check.risk,
      category: check.category,
      assessedAt: check.assessedAt,
      confirmedAt: Date.now(),
    }
    await this.handle.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('sandbox_confirmations')
        .values({
          user_id: who.id,
          key: view.key,
          status: view.status,
          risk: view.risk,
          category: view.category,
          assessed_at: view.assessedAt,
          disclosure_version: req.disclosureVersion,
          lang: req.lang,
          at: view.confirmedAt,
        })
        .execute()
      await this.audit.append(
        {
          actor: who,
          action: 'suitability.confirmed',
          subjectId: who.id,
          detail: {
            status: view.status,
            planRisk: view.risk,
            category: view.category,
            questionnaireDate: view.assessedAt,
            productIds: [...check.productIds].sort(),
            disclosureVersion: req.disclosureVersion,
            lang: req.lang,
          },
        },
        trx,
      )
    })
    return view
  }

  /** The customer's confirmations, newest first. */
  async list(customerId: string): Promise<SuitabilityConfirmationView[]> {
    const rows = await this.handle.db
      .selectFrom('sandbox_confirmations')
      .selectAll()
      .where('user_id', '=', customerId)
      .orderBy('id', 'desc')
      .limit(100)
      .execute()
    return rows.map((r) => ({
      key: r.key,
      status: r.status as 'mismatch' | 'expired',
      risk: r.risk,
      category: r.category,
      assessedAt: r.assessed_at,
      confirmedAt: Number(r.at),
    }))
  }

  /**
   * The check of `plan` for its owner, refusing when it needs a confirmation the owner has not recorded. Changes to
   * a shared plan call this before they are applied.
   */
  async requireConfirmed(customerId: string, plan: SandboxPlanData): Promise<PlanSuitabilityCheck | undefined> {
    const check = await this.check(customerId, plan)
    if (!check || !needsConfirmation(check)) return check
    const found = await this.handle.db
      .selectFrom('sandbox_confirmations')
      .select('id')
      .where('user_id', '=', customerId)
      .where('key', '=', confirmationKey(check))
      .executeTakeFirst()
    if (!found) throw new ConfirmationRequired(check)
    return check
  }

  /** Removes a customer's confirmations (account erasure; the audit trail keeps its pseudonymous entries). */
  async eraseFor(userId: string, trx: Transaction<Database>): Promise<void> {
    await trx.deleteFrom('sandbox_confirmations').where('user_id', '=', userId).execute()
  }
}

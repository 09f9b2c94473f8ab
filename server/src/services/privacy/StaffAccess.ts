import type { PlanView, ProfileView } from '@atrium/common'

import { decide, Forbidden, type Principal } from '../../policy/policy.ts'
import type { AccountService } from '../accounts/AccountService.ts'
import type { AuditLog } from '../audit/AuditLog.ts'
import type { ConsentService } from './ConsentService.ts'
import type { CustomerDataService } from './CustomerDataService.ts'

/** What a member of staff may see of a customer: the display name, never login id or contact data. */
export interface CustomerRecord {
  customer: { id: string; displayName: string }
  profile: ProfileView | null
  plans: PlanView[]
}

export class NotFound extends Error {}

/**
 * The single door through which staff reach customer data: it looks up consent, asks the policy,
 * and writes every read (and every refused attempt) to the audit trail before returning anything.
 */
export class StaffAccess {
  constructor(
    private readonly accounts: AccountService,
    private readonly consents: ConsentService,
    private readonly data: CustomerDataService,
    private readonly audit: AuditLog,
  ) {}

  async readCustomer(who: Principal, customerId: string, purpose: string): Promise<CustomerRecord> {
    const customer = await this.accounts.get(customerId)
    if (!customer || customer.role !== 'customer' || customer.deleted_at !== null)
      throw new NotFound('no such customer')
    const ctx = { ownerId: customerId, consents: await this.consents.granted(customerId) }
    const decision = decide(who, 'customer.read', ctx)
    if (!decision.allow) {
      if (who.role !== 'customer') {
        await this.audit.append({
          actor: who,
          action: 'customer.read',
          subjectId: customerId,
          detail: { allowed: false, reason: decision.reason, purpose },
        })
      }
      throw new Forbidden(decision.reason)
    }
    const [profile, plans] = await Promise.all([this.data.profile(customerId), this.data.plans(customerId)])
    if (decision.audit) {
      await this.audit.append({
        actor: who,
        action: 'customer.read',
        subjectId: customerId,
        detail: { allowed: true, basis: decision.reason, purpose, fields: ['profile', 'plans'] },
      })
    }
    return { customer: { id: customer.id, displayName: customer.display_name }, profile, plans }
  }
}

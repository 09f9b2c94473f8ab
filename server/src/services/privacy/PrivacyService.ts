import type { ConsentPurpose, DataExport } from '@atrium/common'

import type { Transaction } from 'kysely'

import type { AtriumDb } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import { DELETED_NAME, type AccountService } from '../accounts/AccountService.ts'
import type { SessionService } from '../accounts/SessionService.ts'
import type { Actor, AuditLog } from '../audit/AuditLog.ts'
import type { ConsentService } from './ConsentService.ts'
import type { CustomerDataService } from './CustomerDataService.ts'
import type { HostService } from '../host/HostService.ts'

/** What a feature keeps about a person, exported and erased with the rest (features register one each). */
export interface PrivacySection {
  export(userId: string): Promise<Partial<DataExport>>
  /** Runs inside the erasure transaction. */
  erase(userId: string, trx: Transaction<Database>): Promise<void>
}

/**
 * PIPL rights: a full export of what the branch holds about a person, and erasure. Erasure removes
 * personal data and entrusted content; consent history and the audit trail stay, since the law
 * requires them, and they only ever name the pseudonymous account id.
 */
export class PrivacyService {
  private readonly sections: PrivacySection[] = []

  constructor(
    private readonly handle: AtriumDb,
    private readonly accounts: AccountService,
    private readonly sessions: SessionService,
    private readonly consents: ConsentService,
    private readonly data: CustomerDataService,
    private readonly audit: AuditLog,
    private readonly host: HostService,
  ) {}

  /** Adds a feature's data to every export and erasure (called once, at start-up). */
  addSection(section: PrivacySection): void {
    this.sections.push(section)
  }

  async exportData(who: Actor): Promise<DataExport> {
    const user = await this.accounts.get(who.id)
    if (!user) throw new Error('account vanished during export')
    await this.audit.append({ actor: who, action: 'account.exported', subjectId: who.id })
    const [profile, plans, consents, sessions, audit, host] = await Promise.all([
      this.data.profile(who.id),
      this.data.plans(who.id),
      this.consents.history(who.id),
      this.sessions.list(who.id),
      this.audit.about(who.id),
      this.host.exportFor(who.id),
    ])
    const { password_hash: _secret, ...account } = user
    const extra = await Promise.all(this.sections.map((s) => s.export(who.id)))
    return {
      ...Object.assign({}, ...extra),
      exportedAt: Date.now(),
      account,
      profile,
      plans,
      consents: consents.map((c) => ({
        purpose: c.purpose as ConsentPurpose,
        granted: c.granted === 1,
        version: c.version,
        at: c.at,
      })),
      sessions: sessions.map((s) => ({
        id: s.id,
        createdAt: s.created_at,
        lastUsedAt: s.last_used_at,
        endedAt: s.ended_at,
        endReason: s.end_reason,
      })),
      audit,
      host,
    }
  }

  /** Erases the account's personal data after the password confirmed the request. */
  async deleteAccount(who: Actor, password: string): Promise<void> {
    await this.accounts.confirmPassword(who.id, password)
    await this.handle.db.transaction().execute(async (trx) => {
      await this.data.eraseAll(who.id, trx)
      await this.host.eraseFor(who.id, trx)
      for (const section of this.sections) await section.erase(who.id, trx)
      await this.sessions.endAll(who.id, 'deleted', who, trx)
      const now = Date.now()
      await trx
        .updateTable('users')
        .set({
          login_id: null,
          display_name: DELETED_NAME,
          password_hash: null,
          look: 0,
          disabled: 1,
          updated_at: now,
          deleted_at: now,
        })
        .where('id', '=', who.id)
        .execute()
      await this.audit.append({ actor: who, action: 'account.deleted', subjectId: who.id }, trx)
    })
  }
}

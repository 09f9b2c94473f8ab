import type { Rephraser } from '@atrium/common'
import type { Presence } from '@colyseus/core'

import type { AtriumDb } from '../db/database.ts'
import { AccountService } from './accounts/AccountService.ts'
import type { ScryptParams } from './accounts/passwords.ts'
import { RequestLimiter, type HttpLimits } from './accounts/RequestLimiter.ts'
import { SessionService } from './accounts/SessionService.ts'
import { AuditLog } from './audit/AuditLog.ts'
import { HandoffDesk } from './host/HandoffDesk.ts'
import { HostService, type HostBrain } from './host/HostService.ts'
import { ConsentService } from './privacy/ConsentService.ts'
import { CustomerDataService } from './privacy/CustomerDataService.ts'
import { PrivacyService } from './privacy/PrivacyService.ts'
import { StaffAccess } from './privacy/StaffAccess.ts'
import type { TokenService } from './tokens.ts'

/** Every stateful service of a server process; all state lives in the database or presence. */
export interface Services {
  db: AtriumDb
  presence: Presence
  tokens: TokenService
  audit: AuditLog
  accounts: AccountService
  sessions: SessionService
  consents: ConsentService
  data: CustomerDataService
  staff: StaffAccess
  privacy: PrivacyService
  limiter: RequestLimiter
  host: HostService
  desk: HandoffDesk
}

export function createServices(
  db: AtriumDb,
  presence: Presence,
  tokens: TokenService,
  options: { scrypt: ScryptParams; limits: HttpLimits; brain: () => HostBrain; rephraser?: Rephraser | undefined },
): Services {
  const audit = new AuditLog(db)
  const sessions = new SessionService(db, audit, presence)
  const accounts = new AccountService(db, audit, options.scrypt, sessions)
  const consents = new ConsentService(db, audit)
  const data = new CustomerDataService(db)
  const desk = new HandoffDesk(db, consents, data, audit)
  const host = new HostService(db, desk, options.brain, options.rephraser)
  return {
    db,
    presence,
    tokens,
    audit,
    accounts,
    sessions,
    consents,
    data,
    staff: new StaffAccess(accounts, consents, data, audit),
    privacy: new PrivacyService(db, accounts, sessions, consents, data, audit, host),
    limiter: new RequestLimiter(presence, options.limits),
    host,
    desk,
  }
}

import type { Rephraser } from '@atrium/common'
import type { Presence } from '@colyseus/core'

import type { AtriumDb } from '../db/database.ts'
import { AccountService } from './accounts/AccountService.ts'
import { createAdvisorServices, type AdvisorServices } from './advisors/createAdvisorServices.ts'
import { createEventServices, type EventServices } from './events/createEventServices.ts'
import { createSandboxServices, type SandboxServices } from './sandbox/createSandboxServices.ts'
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
  /** Live advisors: queue, appointments, suites, console, follow-ups, complaints (issue 7). */
  advisors: AdvisorServices
  /** Investor-education events and the auditorium (issue 8). */
  events: EventServices
  /** Shared wealth-sandbox sessions and plan reports (issue 5). */
  sandbox: SandboxServices
}

/** The services every domain may build on. */
export type CoreServices = Omit<Services, 'advisors' | 'events' | 'sandbox'>

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
  const core: CoreServices = {
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
  // sandbox first: advisory suites open shared sandbox sessions
  const sandbox = createSandboxServices(core)
  const events = createEventServices(core)
  const advisors = createAdvisorServices(core, sandbox)
  return { ...core, advisors, events, sandbox }
}

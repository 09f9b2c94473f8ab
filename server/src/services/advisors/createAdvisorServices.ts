import type { CoreServices } from '../createServices.ts'
import type { SandboxServices } from '../sandbox/createSandboxServices.ts'
import { AdvisorContext } from './AdvisorContext.ts'
import { AdvisorPrivacy } from './AdvisorPrivacy.ts'
import { AdvisorQueue } from './AdvisorQueue.ts'
import { AdvisorySessions } from './AdvisorySessions.ts'
import { Appointments } from './Appointments.ts'
import { Availability } from './Availability.ts'
import { Complaints } from './Complaints.ts'
import { UserNotices } from '../notices/UserNotices.ts'
import { QueueDesk } from './QueueDesk.ts'
import { SessionRecords } from './SessionRecords.ts'
import { SuiteHost } from './SuiteHost.ts'
import { SuiteInvites } from './SuiteInvites.ts'
import { Teams } from './Teams.ts'

/** The live-advisor services (queue, appointments, suites, console, follow-ups, complaints). */
export interface AdvisorServices {
  teams: Teams
  sessions: AdvisorySessions
  queue: AdvisorQueue
  /** The advisors' side of the queue: list, accept, decline. */
  desk: QueueDesk
  availability: Availability
  appointments: Appointments
  records: SessionRecords
  invites: SuiteInvites
  context: AdvisorContext
  complaints: Complaints
  /** What the suite room asks: admission and the wall. */
  suites: SuiteHost
}

/** Builds the services and hooks them into the host's hand-offs and the privacy export and erasure. */
export function createAdvisorServices(core: CoreServices, sandbox: SandboxServices): AdvisorServices {
  const { db, audit } = core
  const teams = new Teams(db, audit)
  const sessions = new AdvisorySessions(db, audit, teams, sandbox.sessions, new UserNotices(core.presence))
  const queue = new AdvisorQueue(db, core.desk, audit)
  const appointments = new Appointments(db, sessions, audit)
  const desk = new QueueDesk(db, sessions, audit)
  core.desk.onHandoff(queue.enterFromHost)
  // the staff desk's "take" of a queued hand-off accepts it here: a session and a suite, not a stale place in line
  core.desk.onTake(async (who, ref) => {
    if (!(await queue.isWaiting(ref))) return false
    await desk.accept(who, ref)
    return true
  })
  core.privacy.addSection(new AdvisorPrivacy(db))
  return {
    teams,
    sessions,
    queue,
    desk,
    availability: new Availability(db),
    appointments,
    records: new SessionRecords(db, core.presence, sessions, appointments, audit),
    invites: new SuiteInvites(db, sessions, audit),
    context: new AdvisorContext(db, sessions, core.consents, core.data, audit),
    complaints: new Complaints(db, sessions, teams, audit),
    suites: new SuiteHost(db, sessions),
  }
}

import type { AuditLog } from '../audit/AuditLog.ts'
import type { CoreServices } from '../createServices.ts'
import { AttendanceService } from './AttendanceService.ts'
import { EventChatService } from './EventChatService.ts'
import { eventPrivacy } from './eventPrivacy.ts'
import { EventService } from './EventService.ts'
import { PollService } from './PollService.ts'
import { QaService } from './QaService.ts'
import { RegistrationService } from './RegistrationService.ts'
import { SlideService } from './SlideService.ts'
import { StageBus } from './StageBus.ts'

/** The investor-education event services (events, registration, auditorium state, attendance, certificates). */
export interface EventServices {
  events: EventService
  registrations: RegistrationService
  slides: SlideService
  qa: QaService
  polls: PollService
  chat: EventChatService
  attendance: AttendanceService
  /** The live stage shared by an event's instances, through presence. */
  stage: StageBus
  /** Moderation in the auditorium is on the record. */
  audit: AuditLog
}

/** Builds the event services on the core ones; every one keeps its state in the database or presence. */
export function createEventServices(core: CoreServices): EventServices {
  const polls = new PollService(core.db)
  core.privacy.addSection(eventPrivacy(core.db))
  return {
    events: new EventService(core.db, core.audit),
    registrations: new RegistrationService(core.db, core.audit),
    slides: new SlideService(core.db),
    qa: new QaService(core.db),
    polls,
    chat: new EventChatService(core.db),
    attendance: new AttendanceService(core.db, polls),
    stage: new StageBus(core.presence),
    audit: core.audit,
  }
}

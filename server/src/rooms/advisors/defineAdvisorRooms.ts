import { ROOMS } from '@atrium/common'
import type { Server } from '@colyseus/core'

import type { Services } from '../../services/createServices.ts'
import type { MediaService } from '../../services/media/MediaService.ts'
import { startComplaintSweep } from './complaintSweep.ts'
import { SuiteRoom, type SuiteRoomOptions } from './SuiteRoom.ts'

/** Registers the private advisory suite rooms (one per session reference) and the complaint escalation sweep. */
export function defineAdvisorRooms(game: Server, services: Services, media: MediaService): void {
  void media
  const options: SuiteRoomOptions = { suites: services.advisors.suites }
  game.define(ROOMS.suite, SuiteRoom, options).filterBy(['reference'])
  startComplaintSweep(services.advisors.complaints)
}

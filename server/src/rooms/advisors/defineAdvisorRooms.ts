import type { Server } from '@colyseus/core'

import type { Services } from '../../services/createServices.ts'
import type { MediaService } from '../../services/media/MediaService.ts'

/** Registers the private advisory suite rooms. */
export function defineAdvisorRooms(game: Server, services: Services, media: MediaService): void {
  void game
  void services
  void media
}

import type { Server } from '@colyseus/core'

import type { Services } from '../../services/createServices.ts'
import type { MediaService } from '../../services/media/MediaService.ts'

/** Registers the auditorium rooms of investor-education events (with overflow instances). */
export function defineEventRooms(game: Server, services: Services, media: MediaService): void {
  void game
  void services
  void media
}

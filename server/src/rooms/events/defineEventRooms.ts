import { EVENT_LIMITS, ROOMS } from '@atrium/common'
import type { Server } from '@colyseus/core'

import type { Services } from '../../services/createServices.ts'
import type { MediaService } from '../../services/media/MediaService.ts'
import { auditoriumRoom, type AuditoriumOptions } from './AuditoriumRoom.ts'

/**
 * Registers the auditorium rooms of investor-education events. `filterBy(['eventId'])` keeps each event's people
 * together; when an instance is full (EVENT_LIMITS.seatsPerInstance, or ATRIUM_EVENT_SEATS for tests and small
 * machines) the matchmaker opens an overflow instance of the same event.
 */
export function defineEventRooms(game: Server, services: Services, media: MediaService): void {
  const seats = Number(process.env.ATRIUM_EVENT_SEATS) || EVENT_LIMITS.seatsPerInstance
  game
    .define(ROOMS.auditorium, auditoriumRoom(services, media), { seats } satisfies AuditoriumOptions)
    .filterBy(['eventId'])
}

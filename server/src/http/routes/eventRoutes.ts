import type { Services } from '../../services/createServices.ts'
import type { MediaService } from '../../services/media/MediaService.ts'
import type { Route } from '../router.ts'

/** Investor-education events: scheduling, registration, slides, attendance, certificates. */
export function eventRoutes(s: Services, media: MediaService): Route[] {
  void s
  void media
  return []
}

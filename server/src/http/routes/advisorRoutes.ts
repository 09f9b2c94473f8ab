import type { Services } from '../../services/createServices.ts'
import type { MediaService } from '../../services/media/MediaService.ts'
import type { Route } from '../router.ts'

/** Live advisors: queue, appointments, suites, console, summaries, complaints. */
export function advisorRoutes(s: Services, media: MediaService): Route[] {
  void s
  void media
  return []
}

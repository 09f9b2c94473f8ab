import type { Services } from '../../services/createServices.ts'
import type { Route } from '../router.ts'

/** Shared sandbox sessions and plan reports (PDF). */
export function sandboxRoutes(s: Services): Route[] {
  void s
  return []
}

import type { Services } from '../../services/createServices.ts'
import { AdvisorError } from '../../services/advisors/AdvisorError.ts'
import { HttpError } from '../respond.ts'
import { callerOf, type Caller, type RequestContext, type Route } from '../router.ts'

type Handler = (ctx: RequestContext, caller: Caller) => Promise<void>

/**
 * Route builder for the live-advisor endpoints: always authenticated, writes count against the per-account write
 * limit, and the advisors' refusals (taken, not found, ended) become the one HTTP error shape.
 */
export function advisorRoute(s: Services) {
  return (method: Route['method'], path: RegExp, handle: Handler): Route => ({
    method,
    path,
    auth: 'required',
    async handle(ctx) {
      const caller = callerOf(ctx)
      if (method !== 'GET') await s.limiter.hit('write', caller.id, s.limiter.limits.writesPerMinute, 60)
      try {
        await handle(ctx, caller)
      } catch (e) {
        if (e instanceof AdvisorError) throw new HttpError(e.status, e.code, e.message)
        throw e
      }
    },
  })
}

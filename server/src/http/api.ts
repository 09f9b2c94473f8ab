import type { IncomingMessage, ServerResponse } from 'node:http'

import type { ClientConfig } from '@atrium/common'

import { Forbidden } from '../policy/policy.ts'
import { AccountError } from '../services/accounts/AccountService.ts'
import { RateLimited } from '../services/accounts/RequestLimiter.ts'
import type { Services } from '../services/createServices.ts'
import { StaleConsentError } from '../services/privacy/ConsentService.ts'
import { PlanLimitError } from '../services/privacy/CustomerDataService.ts'
import { HandoffTaken } from '../services/host/HandoffDesk.ts'
import { ConfirmationRequired } from '../services/sandbox/SuitabilityRecords.ts'
import { MediaUnavailable, type MediaService } from '../services/media/MediaService.ts'
import { NotFound } from '../services/privacy/StaffAccess.ts'
import { HttpError, sendError, sendJson } from './respond.ts'
import { authenticateRequest, clientIp, type Route } from './router.ts'
import { advisorRoutes } from './routes/advisorRoutes.ts'
import { authRoutes } from './routes/authRoutes.ts'
import { eventRoutes } from './routes/eventRoutes.ts'
import { sandboxRoutes } from './routes/sandboxRoutes.ts'
import { hostRoutes } from './routes/hostRoutes.ts'
import { mediaRoutes } from './routes/mediaRoutes.ts'
import { meRoutes } from './routes/meRoutes.ts'
import { staffRoutes } from './routes/staffRoutes.ts'

export interface ApiDeps {
  services: Services
  /** Voice and video (LiveKit); answers 503 when no media server is configured. */
  media: MediaService
  config: ClientConfig
  /** Mark the refresh cookie Secure (production, behind TLS). */
  secureCookies: boolean
}

const ACCOUNT_STATUS: Record<AccountError['code'], number> = {
  login_taken: 409,
  invalid_credentials: 401,
  account_disabled: 403,
  not_found: 404,
  invalid_change: 400,
}

/** Maps every known refusal to the one error shape; anything else is a 500 that leaks nothing. */
function toHttpError(e: unknown): HttpError | undefined {
  if (e instanceof HttpError) return e
  if (e instanceof Forbidden) return new HttpError(403, 'forbidden', 'you may not do this', undefined, {})
  if (e instanceof AccountError) return new HttpError(ACCOUNT_STATUS[e.code], e.code, e.message)
  if (e instanceof RateLimited)
    return new HttpError(429, 'rate_limited', e.message, undefined, { 'Retry-After': String(e.retryAfter) })
  if (e instanceof StaleConsentError) return new HttpError(409, 'consent_outdated', e.message)
  if (e instanceof PlanLimitError) return new HttpError(409, 'too_many_plans', e.message)
  if (e instanceof NotFound) return new HttpError(404, 'not_found', e.message)
  if (e instanceof HandoffTaken) return new HttpError(409, 'already_taken', e.message)
  if (e instanceof ConfirmationRequired) return new HttpError(409, 'confirmation_required', e.message)
  if (e instanceof MediaUnavailable) return new HttpError(503, 'media_unavailable', e.message)
  return undefined
}

/** Handles /api/* and /healthz; returns false for other paths. */
export function createApiHandler(deps: ApiDeps) {
  const s = deps.services
  const routes: Route[] = [
    ...authRoutes(s, { secureCookies: deps.secureCookies }),
    ...meRoutes(s),
    ...staffRoutes(s),
    ...hostRoutes(s),
    ...mediaRoutes(s, deps.media),
    ...advisorRoutes(s, deps.media),
    ...eventRoutes(s, deps.media),
    ...sandboxRoutes(s),
    {
      method: 'GET',
      path: /^\/api\/config$/,
      auth: 'none',
      handle: (ctx) => {
        const config: ClientConfig = { ...deps.config, media: deps.media.clientConfig() }
        return Promise.resolve(sendJson(ctx.res, 200, config))
      },
    },
    {
      method: 'GET',
      path: /^\/healthz$/,
      auth: 'none',
      handle: (ctx) => Promise.resolve(sendJson(ctx.res, 200, { ok: true })),
    },
  ]

  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://x')
    if (!url.pathname.startsWith('/api/') && url.pathname !== '/healthz') return false
    try {
      const matching = routes.filter((r) => r.path.test(url.pathname))
      if (matching.length === 0) throw new HttpError(404, 'not_found', 'no such endpoint')
      const route = matching.find((r) => r.method === req.method)
      if (!route) {
        const allow = matching.map((r) => r.method).join(', ')
        throw new HttpError(405, 'method_not_allowed', `use ${allow}`, undefined, { Allow: allow })
      }
      const params = route.path.exec(url.pathname)?.slice(1) ?? []
      const caller = route.auth === 'required' ? await authenticateRequest(req, s.tokens, s.sessions) : undefined
      await route.handle({ req, res, url, params, ip: clientIp(req), caller })
    } catch (e) {
      const http = toHttpError(e)
      if (http) sendError(res, http.status, http.code, http.message, http.zod, http.headers)
      else {
        console.error('[api]', e)
        sendError(res, 500, 'internal', 'unexpected server error')
      }
    }
    return true
  }
}

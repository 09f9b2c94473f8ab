import type { IncomingMessage, ServerResponse } from 'node:http'

import { GuestRequest, packLook, type ClientConfig, type GuestResponse } from '@atrium/common'
import type { Presence } from '@colyseus/core'

import { newGuestId, type TokenService } from '../services/tokens.ts'
import { HttpError, readJson, sendError, sendJson } from './respond.ts'

export interface ApiDeps {
  tokens: TokenService
  presence: Presence
  config: ClientConfig
}

/** Guest tokens per address per minute; counted in presence so all processes share the limit. */
const GUEST_PER_MINUTE = 30

function clientIp(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown'
}

/** Handles /api/*; returns false for other paths. */
export function createApiHandler(deps: ApiDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://x')
    if (!url.pathname.startsWith('/api/') && url.pathname !== '/healthz') return false
    try {
      if (url.pathname === '/healthz' && req.method === 'GET') {
        sendJson(res, 200, { ok: true })
      } else if (url.pathname === '/api/config' && req.method === 'GET') {
        sendJson(res, 200, deps.config)
      } else if (url.pathname === '/api/guest') {
        if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'use POST')
        const count = await deps.presence.hincrbyex('ratelimit:guest', clientIp(req), 1, 60)
        if (count > GUEST_PER_MINUTE) throw new HttpError(429, 'rate_limited', 'too many guest sessions; wait a minute')
        const parsed = GuestRequest.safeParse(await readJson(req))
        if (!parsed.success)
          return (sendError(res, 400, 'invalid_body', 'the request body is invalid', parsed.error), true)
        const { name, look, lang } = parsed.data
        const id = newGuestId()
        const issued = await deps.tokens.issueGuest({ id, name, look: packLook(look.color, look.shape), lang })
        sendJson(res, 201, { id, ...issued } satisfies GuestResponse)
      } else {
        throw new HttpError(404, 'not_found', 'no such endpoint')
      }
    } catch (e) {
      if (e instanceof HttpError) sendError(res, e.status, e.code, e.message)
      else {
        console.error('[api]', e)
        sendError(res, 500, 'internal', 'unexpected server error')
      }
    }
    return true
  }
}

import { MediaMuteRequest, MediaRemoveRequest, MediaSpeakerRequest, MediaTokenRequest } from '@atrium/common'

import type { Services } from '../../services/createServices.ts'
import type { MediaService } from '../../services/media/MediaService.ts'
import { InvalidWebhook } from '../../services/media/MediaWebhooks.ts'
import { HttpError, readRawBody, sendJson } from '../respond.ts'
import { body, callerOf, type Route } from '../router.ts'

/** Media tokens per caller per minute: a client refreshes every few minutes and on each room change. */
const TOKENS_PER_MINUTE = 60
/** LiveKit's webhook bodies carry one room and one participant with its tracks: a few kilobytes. */
const WEBHOOK_LIMIT = 64 * 1024

/** LiveKit tokens, staff moderation of media rooms, and LiveKit's webhooks. */
export function mediaRoutes(s: Services, media: MediaService): Route[] {
  return [
    {
      method: 'POST',
      path: /^\/api\/media\/token$/,
      auth: 'required',
      async handle(ctx) {
        const caller = callerOf(ctx)
        await s.limiter.hit('media', caller.id, TOKENS_PER_MINUTE, 60)
        sendJson(ctx.res, 200, await media.token(caller, await body(ctx, MediaTokenRequest)))
      },
    },
    {
      method: 'POST',
      path: /^\/api\/media\/moderation\/mute$/,
      auth: 'required',
      async handle(ctx) {
        sendJson(ctx.res, 200, await media.mute(callerOf(ctx), await body(ctx, MediaMuteRequest)))
      },
    },
    {
      method: 'POST',
      path: /^\/api\/media\/moderation\/remove$/,
      auth: 'required',
      async handle(ctx) {
        sendJson(ctx.res, 200, await media.remove(callerOf(ctx), await body(ctx, MediaRemoveRequest)))
      },
    },
    {
      method: 'POST',
      path: /^\/api\/media\/moderation\/speaker$/,
      auth: 'required',
      async handle(ctx) {
        sendJson(ctx.res, 200, await media.setSpeaker(callerOf(ctx), await body(ctx, MediaSpeakerRequest)))
      },
    },
    {
      // signed by LiveKit over the exact bytes it sent: read raw, never through the JSON body helper
      method: 'POST',
      path: /^\/api\/media\/webhook$/,
      auth: 'none',
      async handle(ctx) {
        if (!media.webhooks.enabled) throw new HttpError(503, 'media_unavailable', 'no media server is configured')
        const raw = await readRawBody(ctx.req, WEBHOOK_LIMIT)
        try {
          sendJson(ctx.res, 200, { ok: true, ...(await media.webhook(raw, ctx.req.headers.authorization)) })
        } catch (e) {
          if (e instanceof InvalidWebhook) throw new HttpError(401, 'invalid_signature', 'the webhook is not signed')
          throw e
        }
      },
    },
  ]
}

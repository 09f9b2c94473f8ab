import { ConversationId, EmptyBody, HandoffReference, HostAskRequest } from '@atrium/common'

import type { Services } from '../../services/createServices.ts'
import { sendJson } from '../respond.ts'
import { body, callerOf, param, type Route } from '../router.ts'

/** Questions to the host per visitor per minute: generous for a conversation, not for a script. */
const ASKS_PER_MINUTE = 30

/** The digital host (any visitor, guests included) and the staff side of what it records. */
export function hostRoutes(s: Services): Route[] {
  return [
    {
      method: 'POST',
      path: /^\/api\/host\/ask$/,
      auth: 'required',
      async handle(ctx) {
        const caller = callerOf(ctx)
        await s.limiter.hit('host', caller.id, ASKS_PER_MINUTE, 60)
        sendJson(ctx.res, 200, await s.host.ask(caller, await body(ctx, HostAskRequest)))
      },
    },
    {
      method: 'GET',
      path: /^\/api\/host\/conversations\/([^/]+)$/,
      auth: 'required',
      async handle(ctx) {
        const id = param(ctx, 0, ConversationId)
        sendJson(ctx.res, 200, { conversationId: id, turns: await s.host.conversation(callerOf(ctx).id, id) })
      },
    },
    {
      method: 'GET',
      path: /^\/api\/staff\/handoffs$/,
      auth: 'required',
      async handle(ctx) {
        sendJson(ctx.res, 200, { handoffs: await s.desk.handoffs(callerOf(ctx)) })
      },
    },
    {
      method: 'POST',
      path: /^\/api\/staff\/handoffs\/([^/]+)\/take$/,
      auth: 'required',
      async handle(ctx) {
        const ref = param(ctx, 0, HandoffReference)
        await body(ctx, EmptyBody)
        sendJson(ctx.res, 200, await s.desk.take(callerOf(ctx), ref))
      },
    },
    {
      method: 'GET',
      path: /^\/api\/staff\/complaints$/,
      auth: 'required',
      async handle(ctx) {
        sendJson(ctx.res, 200, { complaints: await s.desk.complaints(callerOf(ctx)) })
      },
    },
  ]
}

import {
  AppointmentId,
  AdvisoryReference,
  BookRequest,
  ComplaintRequest,
  EmptyBody,
  JoinQueueRequest,
  MoveRequest,
  RatingRequest,
  RedeemInviteRequest,
  SlotQuery,
} from '@atrium/common'

import { buildIcs } from '../../services/calendar/ics.ts'
import type { Services } from '../../services/createServices.ts'
import type { MediaService } from '../../services/media/MediaService.ts'
import { SECURITY_HEADERS, sendJson, sendNoContent } from '../respond.ts'
import { body, param, query, type Route } from '../router.ts'
import { advisorConsoleRoutes } from './advisorConsoleRoutes.ts'
import { advisorRoute } from './advisorRouteKit.ts'

/** Live advisors: queue, appointments, suites, console, summaries, complaints. */
export function advisorRoutes(s: Services, media: MediaService): Route[] {
  void media
  const a = s.advisors
  const route = advisorRoute(s)
  return [
    // "talk to an advisor now"
    route('POST', /^\/api\/advisors\/queue$/, async (ctx, caller) => {
      sendJson(ctx.res, 200, await a.queue.join(caller, await body(ctx, JoinQueueRequest)))
    }),
    route('GET', /^\/api\/advisors\/queue\/me$/, async (ctx, caller) => {
      sendJson(ctx.res, 200, await a.queue.status(caller.id))
    }),
    route('DELETE', /^\/api\/advisors\/queue\/me$/, async (ctx, caller) => {
      sendJson(ctx.res, 200, await a.queue.leave(caller))
    }),
    // appointments
    route('GET', /^\/api\/advisors\/slots$/, async (ctx) => {
      sendJson(ctx.res, 200, { slots: await a.availability.openSlots(query(ctx, SlotQuery)) })
    }),
    route('POST', /^\/api\/advisors\/appointments$/, async (ctx, caller) => {
      sendJson(ctx.res, 201, await a.appointments.book(caller, await body(ctx, BookRequest)))
    }),
    route('GET', /^\/api\/advisors\/appointments$/, async (ctx, caller) => {
      sendJson(ctx.res, 200, { appointments: await a.appointments.list(caller) })
    }),
    route('PATCH', /^\/api\/advisors\/appointments\/([^/]+)$/, async (ctx, caller) => {
      const id = param(ctx, 0, AppointmentId)
      sendJson(ctx.res, 200, await a.appointments.move(caller, id, (await body(ctx, MoveRequest)).slotId))
    }),
    route('DELETE', /^\/api\/advisors\/appointments\/([^/]+)$/, async (ctx, caller) => {
      await a.appointments.cancel(caller, param(ctx, 0, AppointmentId))
      sendNoContent(ctx.res)
    }),
    route('GET', /^\/api\/advisors\/appointments\/([^/]+)\/ics$/, async (ctx, caller) => {
      const appt = await a.appointments.one(caller.id, param(ctx, 0, AppointmentId))
      const local = new Intl.DateTimeFormat(caller.lang, {
        dateStyle: 'full',
        timeStyle: 'short',
        timeZone: appt.timeZone,
      })
      const zh = caller.lang === 'zh-CN'
      const ics = buildIcs({
        uid: `${appt.id}@atrium`,
        startsAt: appt.startsAt,
        endsAt: appt.endsAt,
        stamp: Date.now(),
        alarmMinutes: 15,
        summary: zh ? `理财顾问预约：${appt.advisor.displayName}` : `Advisor appointment: ${appt.advisor.displayName}`,
        description: `${local.format(appt.startsAt)} (${appt.timeZone})\n${zh ? '地点：Atrium 虚拟网点' : 'Where: Atrium virtual branch'}`,
      })
      ctx.res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `attachment; filename="atrium-${appt.id}.ics"`,
        'Cache-Control': 'no-store',
      })
      ctx.res.end(ics)
    }),
    // after and around a session
    route('GET', /^\/api\/advisors\/inbox$/, async (ctx, caller) => {
      sendJson(ctx.res, 200, await a.records.inbox(caller))
    }),
    route('GET', /^\/api\/advisors\/sessions\/active$/, async (ctx, caller) => {
      sendJson(ctx.res, 200, { session: await a.sessions.activeFor(caller.id) })
    }),
    route('GET', /^\/api\/advisors\/sessions\/([^/]+)\/summary$/, async (ctx, caller) => {
      sendJson(ctx.res, 200, await a.records.summary(caller, param(ctx, 0, AdvisoryReference)))
    }),
    route('POST', /^\/api\/advisors\/sessions\/([^/]+)\/rating$/, async (ctx, caller) => {
      const ref = param(ctx, 0, AdvisoryReference)
      await a.records.rate(caller, ref, await body(ctx, RatingRequest))
      sendNoContent(ctx.res)
    }),
    route('POST', /^\/api\/advisors\/sessions\/([^/]+)\/invites$/, async (ctx, caller) => {
      const ref = param(ctx, 0, AdvisoryReference)
      await body(ctx, EmptyBody)
      sendJson(ctx.res, 201, await a.invites.create(caller, ref))
    }),
    route('POST', /^\/api\/advisors\/invites\/redeem$/, async (ctx, caller) => {
      const { code } = await body(ctx, RedeemInviteRequest)
      sendJson(ctx.res, 200, { reference: await a.invites.redeem(caller, code) })
    }),
    // complaints
    route('POST', /^\/api\/advisors\/complaints$/, async (ctx, caller) => {
      sendJson(ctx.res, 201, await a.complaints.file(caller, await body(ctx, ComplaintRequest)))
    }),
    route('GET', /^\/api\/advisors\/complaints\/mine$/, async (ctx, caller) => {
      sendJson(ctx.res, 200, { complaints: await a.complaints.mine(caller) })
    }),
    ...advisorConsoleRoutes(s),
  ]
}

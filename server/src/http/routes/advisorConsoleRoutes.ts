import {
  AccountId,
  AdvisoryReference,
  AppointmentId,
  ComplaintReference,
  ComplaintResponseRequest,
  EmptyBody,
  FollowUpId,
  FollowUpPatch,
  FollowUpRequest,
  NoteRequest,
  PublishSlotRequest,
  SessionListQuery,
  SetSupervisorRequest,
  SlotId,
  SummaryRequest,
} from '@atrium/common'

import type { Services } from '../../services/createServices.ts'
import { sendJson, sendNoContent } from '../respond.ts'
import { body, param, query, type Route } from '../router.ts'
import { advisorRoute } from './advisorRouteKit.ts'

/** The advisor console (queue, appointments, availability, sessions, context, records), complaints, teams. */
export function advisorConsoleRoutes(s: Services): Route[] {
  const a = s.advisors
  const route = advisorRoute(s)
  return [
    route('GET', /^\/api\/advisors\/console$/, async (ctx, caller) => {
      const [queue, appointments, sessions, followUps] = await Promise.all([
        a.desk.list(caller),
        a.appointments.today(caller),
        a.sessions.list(caller, 'mine'),
        a.records.myFollowUps(caller),
      ])
      sendJson(ctx.res, 200, {
        queue,
        appointments,
        sessions: sessions.filter((x) => x.status === 'active'),
        followUps,
      })
    }),
    route('POST', /^\/api\/advisors\/queue\/accept-next$/, async (ctx, caller) => {
      await body(ctx, EmptyBody)
      sendJson(ctx.res, 200, { session: await a.desk.acceptNext(caller) })
    }),
    route('POST', /^\/api\/advisors\/queue\/([^/]+)\/accept$/, async (ctx, caller) => {
      const reference = param(ctx, 0, AdvisoryReference)
      await body(ctx, EmptyBody)
      sendJson(ctx.res, 200, { session: await a.desk.accept(caller, reference) })
    }),
    route('POST', /^\/api\/advisors\/queue\/([^/]+)\/decline$/, async (ctx, caller) => {
      const reference = param(ctx, 0, AdvisoryReference)
      await body(ctx, EmptyBody)
      await a.desk.decline(caller, reference)
      sendNoContent(ctx.res)
    }),
    route('GET', /^\/api\/advisors\/availability$/, async (ctx, caller) => {
      sendJson(ctx.res, 200, { slots: await a.availability.mySlots(caller) })
    }),
    route('POST', /^\/api\/advisors\/availability$/, async (ctx, caller) => {
      sendJson(ctx.res, 201, await a.availability.publish(caller, await body(ctx, PublishSlotRequest)))
    }),
    route('DELETE', /^\/api\/advisors\/availability\/([^/]+)$/, async (ctx, caller) => {
      await a.availability.withdraw(caller, param(ctx, 0, SlotId))
      sendNoContent(ctx.res)
    }),
    route('POST', /^\/api\/advisors\/appointments\/([^/]+)\/start$/, async (ctx, caller) => {
      const id = param(ctx, 0, AppointmentId)
      await body(ctx, EmptyBody)
      sendJson(ctx.res, 200, { session: await a.appointments.start(caller, id) })
    }),
    route('GET', /^\/api\/advisors\/sessions$/, async (ctx, caller) => {
      sendJson(ctx.res, 200, { sessions: await a.sessions.list(caller, query(ctx, SessionListQuery).scope) })
    }),
    route('GET', /^\/api\/advisors\/sessions\/([^/]+)$/, async (ctx, caller) => {
      sendJson(ctx.res, 200, await a.records.detail(caller, param(ctx, 0, AdvisoryReference)))
    }),
    route('GET', /^\/api\/advisors\/sessions\/([^/]+)\/context$/, async (ctx, caller) => {
      sendJson(ctx.res, 200, await a.context.open(caller, param(ctx, 0, AdvisoryReference)))
    }),
    route('POST', /^\/api\/advisors\/sessions\/([^/]+)\/notes$/, async (ctx, caller) => {
      const reference = param(ctx, 0, AdvisoryReference)
      await a.records.addNote(caller, reference, (await body(ctx, NoteRequest, 16_384)).text)
      sendNoContent(ctx.res)
    }),
    route('POST', /^\/api\/advisors\/sessions\/([^/]+)\/followups$/, async (ctx, caller) => {
      const reference = param(ctx, 0, AdvisoryReference)
      sendJson(ctx.res, 201, await a.records.addFollowUp(caller, reference, await body(ctx, FollowUpRequest)))
    }),
    route('PATCH', /^\/api\/advisors\/followups\/([^/]+)$/, async (ctx, caller) => {
      const id = param(ctx, 0, FollowUpId)
      await a.records.setFollowUpDone(caller, id, (await body(ctx, FollowUpPatch)).done)
      sendNoContent(ctx.res)
    }),
    route('POST', /^\/api\/advisors\/sessions\/([^/]+)\/summary$/, async (ctx, caller) => {
      const reference = param(ctx, 0, AdvisoryReference)
      sendJson(ctx.res, 200, await a.records.summarize(caller, reference, await body(ctx, SummaryRequest, 65_536)))
    }),
    route('GET', /^\/api\/advisors\/complaints$/, async (ctx, caller) => {
      sendJson(ctx.res, 200, { complaints: await a.complaints.forStaff(caller) })
    }),
    route('POST', /^\/api\/advisors\/complaints\/([^/]+)\/respond$/, async (ctx, caller) => {
      const reference = param(ctx, 0, ComplaintReference)
      const { text } = await body(ctx, ComplaintResponseRequest, 16_384)
      sendJson(ctx.res, 200, await a.complaints.respond(caller, reference, text))
    }),
    route('PUT', /^\/api\/admin\/advisors\/([^/]+)\/supervisor$/, async (ctx, caller) => {
      const advisorId = param(ctx, 0, AccountId)
      await a.teams.setSupervisor(caller, advisorId, (await body(ctx, SetSupervisorRequest)).supervisorId)
      sendNoContent(ctx.res)
    }),
  ]
}

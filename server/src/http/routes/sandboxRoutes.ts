import type { ServerResponse } from 'node:http'

import {
  AccountId,
  CustomerReadQuery,
  JoinSandboxRequest,
  LangSchema,
  OpenSandboxRequest,
  parsePlanData,
  PlanId,
  SANDBOX_SESSION,
  SandboxSessionId,
  SuitabilityConfirmRequest,
  type Lang,
} from '@atrium/common'
import { z } from 'zod'

import { authorize } from '../../policy/policy.ts'
import type { Services } from '../../services/createServices.ts'
import { InvalidPlan } from '../../services/sandbox/PlanChanges.ts'
import { SandboxFull, SandboxNotFound } from '../../services/sandbox/SandboxSessions.ts'
import { ConfirmationRequired, NothingToConfirm } from '../../services/sandbox/SuitabilityRecords.ts'
import { HttpError, SECURITY_HEADERS, sendJson, sendNoContent } from '../respond.ts'
import { body, callerOf, param, query, type RequestContext, type Route } from '../router.ts'

/** Presence channel on which a closed session's room hears that it must end. */
export const SANDBOX_CLOSED_CHANNEL = 'sandbox:closed'

const ReportQuery = z.strictObject({ lang: LangSchema.optional() })
const StaffReportQuery = z.strictObject({ lang: LangSchema.optional(), purpose: CustomerReadQuery.shape.purpose })

/** The sandbox's own refusals as HTTP errors (the shared error mapping does not know them). */
function mapped<T>(work: () => Promise<T>): Promise<T> {
  return work().catch((e: unknown) => {
    if (e instanceof SandboxNotFound) throw new HttpError(404, 'not_found', e.message)
    if (e instanceof SandboxFull) throw new HttpError(409, 'session_full', e.message)
    if (e instanceof NothingToConfirm) throw new HttpError(409, 'nothing_to_confirm', e.message)
    if (e instanceof ConfirmationRequired) throw new HttpError(409, 'confirmation_required', e.message)
    if (e instanceof InvalidPlan) throw new HttpError(400, 'invalid_plan', e.message)
    throw e
  })
}

function sendPdf(res: ServerResponse, pdf: Buffer): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/pdf',
    'Content-Length': String(pdf.length),
    'Content-Disposition': 'attachment; filename="atrium-plan-report.pdf"',
    'Cache-Control': 'no-store',
  })
  res.end(pdf)
}

/** Shared sandbox sessions, recorded suitability confirmations and plan reports (PDF). */
export function sandboxRoutes(s: Services): Route[] {
  const sb = s.sandbox
  const writeLimit = (id: string) => s.limiter.hit('write', id, s.limiter.limits.writesPerMinute, 60)
  // a report runs a simulation and embeds a font: a few a minute is plenty for a person
  const reportLimit = (id: string) => s.limiter.hit('sandbox_report', id, 10, 60)
  const langOf = (ctx: RequestContext, lang: Lang | undefined): Lang => lang ?? callerOf(ctx).lang
  const customer = (ctx: RequestContext) => {
    const c = callerOf(ctx)
    authorize(c, 'plans.manage_own', { ownerId: c.id })
    return { id: c.id, role: c.role }
  }

  return [
    {
      method: 'POST',
      path: /^\/api\/me\/suitability\/confirmations$/,
      auth: 'required',
      async handle(ctx) {
        const who = customer(ctx)
        await writeLimit(who.id)
        const req = await body(ctx, SuitabilityConfirmRequest)
        sendJson(ctx.res, 201, await mapped(() => sb.suitability.confirm(who, req)))
      },
    },
    {
      method: 'GET',
      path: /^\/api\/me\/suitability\/confirmations$/,
      auth: 'required',
      async handle(ctx) {
        sendJson(ctx.res, 200, await sb.suitability.list(customer(ctx).id))
      },
    },
    {
      method: 'GET',
      path: /^\/api\/me\/plans\/([^/]+)\/report\.pdf$/,
      auth: 'required',
      async handle(ctx) {
        const who = customer(ctx)
        const id = param(ctx, 0, PlanId)
        const { lang } = query(ctx, ReportQuery)
        // another customer's plan id is as unknown as a made-up one
        const plan = (await s.data.plans(who.id)).find((p) => p.id === id)
        const data = plan && parsePlanData(plan.data)
        if (!plan || !data) throw new HttpError(404, 'not_found', 'no such plan')
        await reportLimit(who.id)
        sendPdf(ctx.res, await sb.reports.render({ ownerId: who.id, name: plan.name, data, lang: langOf(ctx, lang) }))
      },
    },
    {
      method: 'GET',
      path: /^\/api\/customers\/([^/]+)\/plans\/([^/]+)\/report\.pdf$/,
      auth: 'required',
      async handle(ctx) {
        const caller = callerOf(ctx)
        if (caller.role === 'customer' || caller.role === 'guest') throw new HttpError(404, 'not_found', 'no such plan')
        const customerId = param(ctx, 0, AccountId)
        const planId = param(ctx, 1, PlanId)
        const { lang, purpose } = query(ctx, StaffReportQuery)
        // the one door for staff: policy, consent and the audit entry, before anything is read
        const record = await s.staff.readCustomer({ id: caller.id, role: caller.role }, customerId, purpose)
        const plan = record.plans.find((p) => p.id === planId)
        const data = plan && parsePlanData(plan.data)
        if (!plan || !data) throw new HttpError(404, 'not_found', 'no such plan')
        await reportLimit(caller.id)
        sendPdf(
          ctx.res,
          await sb.reports.render({ ownerId: customerId, name: plan.name, data, lang: langOf(ctx, lang) }),
        )
      },
    },
    {
      method: 'POST',
      path: /^\/api\/sandbox\/sessions$/,
      auth: 'required',
      async handle(ctx) {
        const c = callerOf(ctx)
        authorize(c, 'sandbox.open', { ownerId: c.id })
        await writeLimit(c.id)
        const req = await body(ctx, OpenSandboxRequest)
        const { session, closed } = await mapped(() =>
          sb.sessions.create({ id: c.id, role: c.role }, req.name, req.data),
        )
        // one live session per customer: the rooms of the ones this replaced end now
        for (const id of closed) await s.presence.publish(SANDBOX_CLOSED_CHANNEL, id)
        sendJson(ctx.res, 201, sb.sessions.view(session, 'owner'))
      },
    },
    {
      method: 'GET',
      path: /^\/api\/sandbox\/sessions$/,
      auth: 'required',
      async handle(ctx) {
        const c = callerOf(ctx)
        authorize(c, 'sandbox.join')
        sendJson(ctx.res, 200, await sb.sessions.listFor(c.id))
      },
    },
    {
      method: 'POST',
      path: /^\/api\/sandbox\/join$/,
      auth: 'required',
      async handle(ctx) {
        const c = callerOf(ctx)
        authorize(c, 'sandbox.join')
        // every attempt counts, so codes cannot be guessed by trying many
        await s.limiter.hit('sandbox_join', c.id, SANDBOX_SESSION.joinAttemptsPerHour, 3600)
        const { code } = await body(ctx, JoinSandboxRequest)
        const session = await mapped(() => sb.sessions.join({ id: c.id, role: c.role }, code))
        const member = await sb.sessions.membership(session.id, c.id)
        sendJson(ctx.res, 200, sb.sessions.view(session, member?.role ?? 'family'))
      },
    },
    {
      method: 'DELETE',
      path: /^\/api\/sandbox\/sessions\/([^/]+)$/,
      auth: 'required',
      async handle(ctx) {
        const c = callerOf(ctx)
        authorize(c, 'sandbox.open', { ownerId: c.id })
        await writeLimit(c.id)
        const id = param(ctx, 0, SandboxSessionId)
        if (!(await sb.sessions.close(c.id, id))) throw new HttpError(404, 'not_found', 'no such session')
        await s.presence.publish(SANDBOX_CLOSED_CHANNEL, id)
        sendNoContent(ctx.res)
      },
    },
    {
      method: 'GET',
      path: /^\/api\/sandbox\/sessions\/([^/]+)\/report\.pdf$/,
      auth: 'required',
      async handle(ctx) {
        const c = callerOf(ctx)
        const id = param(ctx, 0, SandboxSessionId)
        const { lang } = query(ctx, ReportQuery)
        const session = await sb.sessions.get(id)
        const member = session && (await sb.sessions.membership(id, c.id))
        if (!session || !member) throw new HttpError(404, 'not_found', 'no such session')
        const decision = authorize(c, 'sandbox.join')
        if (decision.audit) await sb.sessions.recordStaffView({ id: c.id, role: c.role }, session, ['plan_report'])
        await reportLimit(c.id)
        const pdf = await sb.reports.render({
          ownerId: session.ownerId,
          name: session.name,
          data: session.data,
          lang: langOf(ctx, lang),
        })
        sendPdf(ctx.res, pdf)
      },
    },
  ]
}

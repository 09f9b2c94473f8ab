import {
  ConsentRequest,
  DeleteAccountRequest,
  EmptyBody,
  parsePlanData,
  PlanId,
  SessionId,
  PlanBody,
  ProfileBody,
  UpdateMeRequest,
  type SessionView,
} from '@atrium/common'
import { authorize, type Action } from '../../policy/policy.ts'
import { accountView } from '../../services/accounts/AccountService.ts'
import type { Services } from '../../services/createServices.ts'
import { HttpError, sendJson, sendNoContent } from '../respond.ts'
import { body, callerOf, param, type RequestContext, type Route } from '../router.ts'

/** The signed-in person's own account, consents, profile, plans, export and erasure. */
export function meRoutes(s: Services): Route[] {
  /** The caller as an account holder allowed to do `action` with their own data. */
  const self = (ctx: RequestContext, action: Action) => {
    const caller = callerOf(ctx)
    authorize(caller, action, { ownerId: caller.id })
    return { id: caller.id, role: caller.role, sid: caller.sid }
  }
  const writeLimit = (id: string) => s.limiter.hit('write', id, s.limiter.limits.writesPerMinute, 60)
  const loadUser = async (id: string) => {
    const user = await s.accounts.get(id)
    if (!user || user.deleted_at !== null) throw new HttpError(404, 'not_found', 'no such account')
    return user
  }

  return [
    {
      method: 'GET',
      path: /^\/api\/me$/,
      auth: 'required',
      async handle(ctx) {
        const who = self(ctx, 'account.read_own')
        sendJson(ctx.res, 200, accountView(await loadUser(who.id)))
      },
    },
    {
      method: 'PATCH',
      path: /^\/api\/me$/,
      auth: 'required',
      async handle(ctx) {
        const who = self(ctx, 'account.update_own')
        await writeLimit(who.id)
        const patch = await body(ctx, UpdateMeRequest)
        sendJson(ctx.res, 200, accountView(await s.accounts.updateSelf(who, patch)))
      },
    },
    {
      method: 'DELETE',
      path: /^\/api\/me$/,
      auth: 'required',
      async handle(ctx) {
        const who = self(ctx, 'account.delete_own')
        await writeLimit(who.id)
        const { password } = await body(ctx, DeleteAccountRequest)
        await s.privacy.deleteAccount(who, password)
        sendNoContent(ctx.res, { 'Set-Cookie': 'atrium_rt=; Path=/api/auth; HttpOnly; SameSite=Strict; Max-Age=0' })
      },
    },
    {
      method: 'GET',
      path: /^\/api\/me\/sessions$/,
      auth: 'required',
      async handle(ctx) {
        const who = self(ctx, 'account.read_own')
        const rows = await s.sessions.list(who.id)
        const live = rows.filter((r) => r.ended_at === null)
        sendJson(
          ctx.res,
          200,
          live.map(
            (r) =>
              ({
                id: r.id,
                createdAt: r.created_at,
                lastUsedAt: r.last_used_at,
                current: r.id === who.sid,
              }) satisfies SessionView,
          ),
        )
      },
    },
    {
      method: 'DELETE',
      path: /^\/api\/me\/sessions\/([^/]+)$/,
      auth: 'required',
      async handle(ctx) {
        const who = self(ctx, 'account.update_own')
        await writeLimit(who.id)
        await body(ctx, EmptyBody)
        const sid = param(ctx, 0, SessionId)
        // signing out another device; the current one signs out through /api/auth/logout
        if (sid === who.sid || !(await s.sessions.end(sid, who.id, 'revoked', who))) {
          throw new HttpError(404, 'not_found', 'no such session')
        }
        sendNoContent(ctx.res)
      },
    },
    {
      method: 'GET',
      path: /^\/api\/me\/export$/,
      auth: 'required',
      async handle(ctx) {
        const who = self(ctx, 'account.export_own')
        await writeLimit(who.id)
        sendJson(ctx.res, 200, await s.privacy.exportData(who), {
          'Content-Disposition': 'attachment; filename="atrium-my-data.json"',
        })
      },
    },
    {
      method: 'GET',
      path: /^\/api\/me\/consents$/,
      auth: 'required',
      async handle(ctx) {
        const who = self(ctx, 'consent.manage_own')
        sendJson(ctx.res, 200, await s.consents.state(who.id))
      },
    },
    {
      method: 'PUT',
      path: /^\/api\/me\/consents$/,
      auth: 'required',
      async handle(ctx) {
        const who = self(ctx, 'consent.manage_own')
        await writeLimit(who.id)
        sendJson(ctx.res, 200, await s.consents.set(who, await body(ctx, ConsentRequest)))
      },
    },
    {
      method: 'GET',
      path: /^\/api\/me\/profile$/,
      auth: 'required',
      async handle(ctx) {
        const who = self(ctx, 'profile.manage_own')
        const profile = await s.data.profile(who.id)
        // no questionnaire yet is an ordinary answer, not an error (a 404 is logged by every browser as a failure)
        if (!profile) sendNoContent(ctx.res)
        else sendJson(ctx.res, 200, profile)
      },
    },
    {
      method: 'PUT',
      path: /^\/api\/me\/profile$/,
      auth: 'required',
      async handle(ctx) {
        const who = self(ctx, 'profile.manage_own')
        await writeLimit(who.id)
        sendJson(ctx.res, 200, await s.data.saveProfile(who.id, await body(ctx, ProfileBody)))
      },
    },
    {
      method: 'GET',
      path: /^\/api\/me\/plans$/,
      auth: 'required',
      async handle(ctx) {
        const who = self(ctx, 'plans.manage_own')
        sendJson(ctx.res, 200, await s.data.plans(who.id))
      },
    },
    {
      method: 'POST',
      path: /^\/api\/me\/plans$/,
      auth: 'required',
      async handle(ctx) {
        const who = self(ctx, 'plans.manage_own')
        await writeLimit(who.id)
        const req = await body(ctx, PlanBody, 40_000)
        // a plan the sandbox can read is held to its rule: a suitability warning must have been confirmed (recorded)
        const plan = parsePlanData(req.data)
        if (plan) await s.sandbox.suitability.requireConfirmed(who.id, plan)
        sendJson(ctx.res, 201, await s.data.addPlan(who.id, req))
      },
    },
    {
      method: 'DELETE',
      path: /^\/api\/me\/plans\/([^/]+)$/,
      auth: 'required',
      async handle(ctx) {
        const who = self(ctx, 'plans.manage_own')
        await writeLimit(who.id)
        const id = param(ctx, 0, PlanId)
        if (!(await s.data.deletePlan(who.id, id))) throw new HttpError(404, 'not_found', 'no such plan')
        sendNoContent(ctx.res)
      },
    },
  ]
}

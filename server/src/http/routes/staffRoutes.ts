import {
  AccountId,
  AdminUpdateUserRequest,
  AuditQuery,
  CreateStaffRequest,
  CustomerReadQuery,
  EmptyBody,
  UserListQuery,
} from '@atrium/common'

import { authorize } from '../../policy/policy.ts'
import { accountView } from '../../services/accounts/AccountService.ts'
import type { Services } from '../../services/createServices.ts'
import { sendJson } from '../respond.ts'
import { body, callerOf, param, query, type RequestContext, type Route } from '../router.ts'

/** Admin account management, compliance's audit trail, and staff reads of customer records. */
export function staffRoutes(s: Services): Route[] {
  const actor = (ctx: RequestContext) => {
    const c = callerOf(ctx)
    return { id: c.id, role: c.role }
  }
  return [
    {
      method: 'GET',
      path: /^\/api\/admin\/users$/,
      auth: 'required',
      async handle(ctx) {
        authorize(callerOf(ctx), 'users.list')
        const { users, total } = await s.accounts.list(query(ctx, UserListQuery))
        sendJson(ctx.res, 200, { users: users.map(accountView), total })
      },
    },
    {
      method: 'POST',
      path: /^\/api\/admin\/users$/,
      auth: 'required',
      async handle(ctx) {
        authorize(callerOf(ctx), 'users.create_staff')
        const user = await s.accounts.createStaff(await body(ctx, CreateStaffRequest), actor(ctx))
        sendJson(ctx.res, 201, accountView(user))
      },
    },
    {
      method: 'PATCH',
      path: /^\/api\/admin\/users\/([^/]+)$/,
      auth: 'required',
      async handle(ctx) {
        authorize(callerOf(ctx), 'users.update')
        const id = param(ctx, 0, AccountId)
        const patch = await body(ctx, AdminUpdateUserRequest)
        const user = await s.accounts.adminUpdate(id, patch, actor(ctx))
        sendJson(ctx.res, 200, accountView(user))
      },
    },
    {
      method: 'POST',
      path: /^\/api\/admin\/users\/([^/]+)\/revoke-sessions$/,
      auth: 'required',
      async handle(ctx) {
        authorize(callerOf(ctx), 'users.revoke_sessions')
        const id = param(ctx, 0, AccountId)
        await body(ctx, EmptyBody)
        sendJson(ctx.res, 200, { revoked: await s.sessions.endAll(id, 'revoked', actor(ctx)) })
      },
    },
    {
      method: 'GET',
      path: /^\/api\/audit$/,
      auth: 'required',
      async handle(ctx) {
        authorize(callerOf(ctx), 'audit.read')
        const q = query(ctx, AuditQuery)
        const entries = await s.audit.query(q)
        // reading the trail is itself on the trail
        await s.audit.append({ actor: actor(ctx), action: 'audit.read', detail: { filter: { ...q } } })
        sendJson(ctx.res, 200, { entries })
      },
    },
    {
      method: 'GET',
      path: /^\/api\/audit\/verify$/,
      auth: 'required',
      async handle(ctx) {
        authorize(callerOf(ctx), 'audit.verify')
        sendJson(ctx.res, 200, await s.audit.verify())
      },
    },
    {
      method: 'GET',
      path: /^\/api\/customers\/([^/]+)$/,
      auth: 'required',
      async handle(ctx) {
        const id = param(ctx, 0, AccountId)
        const { purpose } = query(ctx, CustomerReadQuery)
        sendJson(ctx.res, 200, await s.staff.readCustomer(callerOf(ctx), id, purpose))
      },
    },
  ]
}

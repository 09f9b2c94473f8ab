import type { IncomingMessage } from 'node:http'

import {
  EmptyBody,
  GuestRequest,
  LoginRequest,
  packLook,
  RegisterRequest,
  SESSION,
  type GuestResponse,
  type SessionResponse,
} from '@atrium/common'

import type { UserRow } from '../../db/schema.ts'
import { accountView, AccountError } from '../../services/accounts/AccountService.ts'
import { SessionError } from '../../services/accounts/SessionService.ts'
import type { Services } from '../../services/createServices.ts'
import { newGuestId } from '../../services/tokens.ts'
import { HttpError, sendJson, sendNoContent } from '../respond.ts'
import { body, callerOf, type Route } from '../router.ts'

const COOKIE = 'atrium_rt'

/** The refresh cookie: httpOnly, SameSite=Strict, only sent to /api/auth. */
export function refreshCookie(token: string, secure: boolean, maxAge = SESSION.absoluteLifetime): string {
  return `${COOKIE}=${token}; Path=/api/auth; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure ? '; Secure' : ''}`
}

function readRefreshCookie(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=')
    if (name === COOKIE && value && /^s_[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(value)) return value
  }
  return undefined
}

/** Sign-in, registration, refresh, sign-out and guest visits. */
export function authRoutes(s: Services, opts: { secureCookies: boolean }): Route[] {
  const issue = async (user: UserRow, sid: string) => {
    const access = await s.tokens.issueAccess({
      id: user.id,
      name: user.display_name,
      look: user.look,
      lang: user.lang as SessionResponse['user']['lang'],
      role: user.role as SessionResponse['user']['role'],
      sid,
    })
    return { accessToken: access.token, expiresAt: access.expiresAt, user: accountView(user) } satisfies SessionResponse
  }
  const cookie = (token: string) => ({ 'Set-Cookie': refreshCookie(token, opts.secureCookies) })
  const clearCookie = { 'Set-Cookie': refreshCookie('', opts.secureCookies, 0) }

  return [
    {
      method: 'POST',
      path: /^\/api\/auth\/register$/,
      auth: 'none',
      async handle(ctx) {
        await s.limiter.hit('register', ctx.ip, s.limiter.limits.registerPerHour, 3600)
        const req = await body(ctx, RegisterRequest)
        let started: { sid: string; refreshToken: string } | undefined
        const user = await s.accounts.register(req, async (u, trx) => {
          started = await s.sessions.start(u, trx)
        })
        if (!started) throw new Error('session was not started')
        sendJson(ctx.res, 201, await issue(user, started.sid), cookie(started.refreshToken))
      },
    },
    {
      method: 'POST',
      path: /^\/api\/auth\/login$/,
      auth: 'none',
      async handle(ctx) {
        const req = await body(ctx, LoginRequest)
        await s.limiter.beforeLogin(req.loginId, ctx.ip)
        let user: UserRow
        try {
          user = await s.accounts.authenticate(req.loginId, req.password)
        } catch (e) {
          if (e instanceof AccountError && e.code === 'invalid_credentials') {
            await s.limiter.loginFailed(req.loginId)
            const known = await s.db.db
              .selectFrom('users')
              .select('id')
              .where('login_id', '=', req.loginId)
              .executeTakeFirst()
            await s.audit.append({
              actor: { id: known?.id ?? 'unknown', role: 'system' },
              action: 'auth.login_failed',
              subjectId: known?.id ?? null,
              detail: { reason: known ? 'wrong_password' : 'unknown_login' },
            })
          }
          throw e
        }
        await s.limiter.loginSucceeded(req.loginId)
        const started = await s.db.db.transaction().execute(async (trx) => {
          const st = await s.sessions.start(user, trx)
          await s.audit.append(
            {
              actor: { id: user.id, role: user.role as SessionResponse['user']['role'] },
              action: 'auth.login',
              subjectId: user.id,
              detail: { sid: st.sid },
            },
            trx,
          )
          return st
        })
        sendJson(ctx.res, 200, await issue(user, started.sid), cookie(started.refreshToken))
      },
    },
    {
      method: 'POST',
      path: /^\/api\/auth\/refresh$/,
      auth: 'none',
      async handle(ctx) {
        await body(ctx, EmptyBody)
        const token = readRefreshCookie(ctx.req)
        if (!token) throw new HttpError(401, 'session_expired', 'no session to refresh', undefined, clearCookie)
        let next: { sid: string; userId: string; refreshToken: string }
        try {
          next = await s.sessions.rotate(token)
        } catch (e) {
          if (e instanceof SessionError) throw new HttpError(401, e.code, 'sign in again', undefined, clearCookie)
          throw e
        }
        const user = await s.accounts.get(next.userId)
        if (!user || user.disabled === 1)
          throw new HttpError(401, 'session_expired', 'sign in again', undefined, clearCookie)
        sendJson(ctx.res, 200, await issue(user, next.sid), cookie(next.refreshToken))
      },
    },
    {
      method: 'POST',
      path: /^\/api\/auth\/logout$/,
      auth: 'required',
      async handle(ctx) {
        await body(ctx, EmptyBody)
        const caller = callerOf(ctx)
        if (caller.sid) {
          await s.sessions.end(caller.sid, caller.id, 'logout', { id: caller.id, role: caller.role })
          await s.audit.append({
            actor: { id: caller.id, role: caller.role },
            action: 'auth.logout',
            subjectId: caller.id,
            detail: { sid: caller.sid },
          })
        }
        sendNoContent(ctx.res, clearCookie)
      },
    },
    {
      method: 'POST',
      path: /^\/api\/guest$/,
      auth: 'none',
      async handle(ctx) {
        await s.limiter.hit('guest', ctx.ip, 30, 60)
        const { name, look, lang } = await body(ctx, GuestRequest)
        const id = newGuestId()
        const issued = await s.tokens.issueGuest({ id, name, look: packLook(look.color, look.shape), lang })
        sendJson(ctx.res, 201, { id, ...issued } satisfies GuestResponse)
      },
    },
  ]
}

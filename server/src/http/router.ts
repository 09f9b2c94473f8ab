import type { IncomingMessage, ServerResponse } from 'node:http'

import type { TokenClaims } from '@atrium/common'
import { errors as joseErrors } from 'jose'
import type { z } from 'zod'

import type { SessionService } from '../services/accounts/SessionService.ts'
import type { TokenService } from '../services/tokens.ts'
import { HttpError, readJson } from './respond.ts'

/** Who is calling, from a verified bearer token. */
export type Caller = TokenClaims

export interface RequestContext {
  req: IncomingMessage
  res: ServerResponse
  url: URL
  /** Capture groups of the route's path pattern. */
  params: string[]
  ip: string
  /** Set when the route requires authentication (or offers it and a token was sent). */
  caller: Caller | undefined
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: RegExp
  auth: 'none' | 'required'
  handle(ctx: RequestContext): Promise<void>
}

/** The caller of an authenticated route (routes with auth 'required' always have one). */
export function callerOf(ctx: RequestContext): Caller {
  if (!ctx.caller) throw new HttpError(401, 'unauthenticated', 'sign in first')
  return ctx.caller
}

const NUL_MESSAGE = 'text must not contain NUL characters'

/** Reads and validates a JSON body; unknown fields and bad values are 400 with the issues. */
export async function body<S extends z.ZodType>(ctx: RequestContext, schema: S, limit?: number): Promise<z.output<S>> {
  const raw = await readJson(ctx.req, limit)
  // PostgreSQL text cannot hold U+0000 and SQLite's LIKE stops at it: refuse it everywhere, up front
  if (JSON.stringify(raw).includes('\\u0000')) throw new HttpError(400, 'invalid_body', NUL_MESSAGE)
  const parsed = schema.safeParse(raw)
  if (!parsed.success) throw new HttpError(400, 'invalid_body', 'the request body is invalid', parsed.error)
  return parsed.data
}

/** Validates the query string (last value wins for repeated keys). */
export function query<S extends z.ZodType>(ctx: RequestContext, schema: S): z.output<S> {
  if (/%00/i.test(ctx.url.search)) throw new HttpError(400, 'invalid_query', NUL_MESSAGE)
  const parsed = schema.safeParse(Object.fromEntries(ctx.url.searchParams))
  if (!parsed.success) throw new HttpError(400, 'invalid_query', 'the query is invalid', parsed.error)
  return parsed.data
}

/** A path parameter checked against a schema; 404 when it cannot name anything. */
export function param<S extends z.ZodType>(ctx: RequestContext, index: number, schema: S): z.output<S> {
  const parsed = schema.safeParse(ctx.params[index])
  if (!parsed.success) throw new HttpError(404, 'not_found', 'no such resource')
  return parsed.data
}

/**
 * Verifies `Authorization: Bearer …`. Account tokens must also name a live session, so logout,
 * revocation and disabling take effect at once rather than when the token expires.
 */
export async function authenticateRequest(
  req: IncomingMessage,
  tokens: TokenService,
  sessions: SessionService,
): Promise<Caller> {
  const header = req.headers.authorization ?? ''
  const match = /^Bearer ([A-Za-z0-9._-]{10,4096})$/.exec(header)
  if (!match?.[1])
    throw new HttpError(401, 'unauthenticated', 'sign in first', undefined, { 'WWW-Authenticate': 'Bearer' })
  let claims: Caller
  try {
    claims = await tokens.verify(match[1])
  } catch (e) {
    if (e instanceof joseErrors.JWTExpired) throw new HttpError(401, 'token_expired', 'the access token has expired')
    throw new HttpError(401, 'invalid_token', 'the access token is not valid')
  }
  if (claims.sid && !(await sessions.check(claims.sid, claims.id))) {
    throw new HttpError(401, 'session_ended', 'this session has ended; sign in again')
  }
  return claims
}

/** The peer address. Behind a proxy, set up the proxy to pass a trusted address instead. */
export function clientIp(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown'
}

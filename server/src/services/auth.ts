import type { TokenClaims } from '@atrium/common'
import { ServerError } from '@colyseus/core'

import type { SessionService } from './accounts/SessionService.ts'
import type { TokenService } from './tokens.ts'

let verifier: { tokens: TokenService; sessions: SessionService } | undefined

/** Installs the process's token and session services for rooms' static `onAuth` (set once at start-up). */
export function setRoomAuth(tokens: TokenService, sessions: SessionService): void {
  verifier = { tokens, sessions }
}

/**
 * Verifies the bearer token of a join request: a guest token, or an account access token whose
 * session is still live. Rejects with 401 otherwise.
 */
export async function authenticate(token: string | undefined): Promise<TokenClaims> {
  if (!verifier) throw new ServerError(503, 'authentication is not configured')
  if (!token) throw new ServerError(401, 'a session token is required')
  let claims: TokenClaims
  try {
    claims = await verifier.tokens.verify(token)
  } catch {
    throw new ServerError(401, 'invalid or expired session token')
  }
  if (claims.sid && !(await verifier.sessions.check(claims.sid, claims.id))) {
    throw new ServerError(401, 'this session has ended; sign in again')
  }
  return claims
}

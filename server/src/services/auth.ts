import type { TokenClaims } from '@atrium/common'
import { ServerError } from '@colyseus/core'

import type { TokenService } from './tokens.ts'

let verifier: TokenService | undefined

/** Installs the process's token service for rooms' static `onAuth` (set once at start-up). */
export function setRoomTokenService(tokens: TokenService): void {
  verifier = tokens
}

/** Verifies the bearer token of a join request; rejects with 401 otherwise. */
export async function authenticate(token: string | undefined): Promise<TokenClaims> {
  if (!verifier) throw new ServerError(503, 'authentication is not configured')
  if (!token) throw new ServerError(401, 'a session token is required')
  try {
    return await verifier.verify(token)
  } catch {
    throw new ServerError(401, 'invalid or expired session token')
  }
}

import type { GuestRequest, GuestResponse } from '@atrium/common'

import { clearGuestSession, setGuestSession } from '../hostChat/guestSession.ts'
import { BranchConnection } from './BranchConnection.ts'

/** Error with a message fit to show on the join screen. */
export class JoinError extends Error {}

/** How to enter: a guest profile (a guest token is fetched for it) or a signed-in account's access token. */
export type JoinRequest = GuestRequest | { accessToken: string }

/**
 * Gets a guest token for the chosen profile, or uses the account's, and joins an atrium instance.
 * A guest's token is kept in memory for the digital host's API too.
 */
export async function joinBranch(request: JoinRequest): Promise<BranchConnection> {
  clearGuestSession()
  const token = 'accessToken' in request ? request.accessToken : await guestToken(request)
  const connection = new BranchConnection(import.meta.env.DEV ? `ws://${location.hostname}:2567` : undefined)
  try {
    await connection.join({ token })
  } catch (e) {
    throw new JoinError(e instanceof Error ? e.message : String(e))
  }
  return connection
}

async function guestToken(request: GuestRequest): Promise<string> {
  let res: Response
  try {
    res = await fetch('/api/guest', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    })
  } catch {
    throw new JoinError('network')
  }
  const body = (await res.json().catch(() => undefined)) as GuestResponse | { error?: { message?: string } } | undefined
  if (!res.ok || !body || !('token' in body)) {
    throw new JoinError((body && 'error' in body && body.error?.message) || `HTTP ${res.status}`)
  }
  setGuestSession(body)
  return body.token
}

import type { GuestRequest, GuestResponse } from '@atrium/common'

import { BranchConnection } from './BranchConnection.ts'

/** Error with a message fit to show on the join screen. */
export class JoinError extends Error {}

/** Gets a guest token for the chosen profile and joins an atrium instance. */
export async function joinBranch(request: GuestRequest): Promise<BranchConnection> {
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
  const connection = new BranchConnection(import.meta.env.DEV ? `ws://${location.hostname}:2567` : undefined)
  try {
    await connection.join(body)
  } catch (e) {
    throw new JoinError(e instanceof Error ? e.message : String(e))
  }
  return connection
}

import { DisconnectReason } from 'livekit-client'

import { ApiRequestError } from '../auth/ApiRequestError.ts'

/** Delays (ms) before the 1st, 2nd… new attempt at a failed media join; the last one repeats. */
export const JOIN_RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15_000] as const

/**
 * How long to wait before trying a failed media join again, or `undefined` when it must not be retried. A failure of
 * the network or the media server (no peer connection, signalling timed out, the API unreachable or busy) is worth
 * another try; a refusal by the Atrium server (not allowed in that room, removed by a moderator) is final, except
 * "too many requests", which says when to come back.
 */
export function joinRetryDelay(error: unknown, attempt: number): number | undefined {
  if (error instanceof ApiRequestError && error.status >= 400 && error.status < 500) {
    return error.status === 429 ? Math.max(1000, (error.retryAfter ?? 1) * 1000) : undefined
  }
  return JOIN_RETRY_DELAYS_MS[Math.min(attempt, JOIN_RETRY_DELAYS_MS.length - 1)]
}

/**
 * Whether a media room that dropped is joined again: yes after a network or server failure (LiveKit's own resume gave
 * up), not when this client left, a moderator removed the participant, the room was deleted, or the same identity
 * joined elsewhere (another tab; the two would take the room from each other in turn).
 */
export function rejoinsAfter(reason: DisconnectReason | undefined): boolean {
  return (
    reason !== DisconnectReason.CLIENT_INITIATED &&
    reason !== DisconnectReason.PARTICIPANT_REMOVED &&
    reason !== DisconnectReason.ROOM_DELETED &&
    reason !== DisconnectReason.DUPLICATE_IDENTITY
  )
}

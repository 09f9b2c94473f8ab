import { DisconnectReason } from 'livekit-client'
import { describe, expect, it } from 'vitest'

import { ApiRequestError } from '../auth/ApiRequestError.ts'
import { JOIN_RETRY_DELAYS_MS, joinRetryDelay, rejoinsAfter } from './joinRetry.ts'

describe('joinRetryDelay', () => {
  it('backs off on network and media-server failures, the last delay repeating', () => {
    const pc = new Error('could not establish pc connection')
    expect([0, 1, 2, 3, 4, 5, 9].map((n) => joinRetryDelay(pc, n))).toEqual([
      1000, 2000, 4000, 8000, 15_000, 15_000, 15_000,
    ])
    expect(joinRetryDelay(new ApiRequestError(0, 'network', 'offline'), 0)).toBe(JOIN_RETRY_DELAYS_MS[0])
    expect(joinRetryDelay(new ApiRequestError(503, 'internal', 'HTTP 503'), 1)).toBe(JOIN_RETRY_DELAYS_MS[1])
  })

  it('does not retry a refusal by the Atrium server', () => {
    for (const status of [400, 401, 403, 404]) {
      expect(joinRetryDelay(new ApiRequestError(status, 'forbidden', 'no'), 0)).toBeUndefined()
    }
  })

  it('waits as long as a 429 says', () => {
    expect(joinRetryDelay(new ApiRequestError(429, 'rate_limited', 'slow down', [], 7), 0)).toBe(7000)
    expect(joinRetryDelay(new ApiRequestError(429, 'rate_limited', 'slow down'), 3)).toBe(1000)
  })
})

describe('rejoinsAfter', () => {
  it('rejoins after a network or server failure', () => {
    for (const r of [
      undefined,
      DisconnectReason.UNKNOWN_REASON,
      DisconnectReason.SIGNAL_CLOSE,
      DisconnectReason.SERVER_SHUTDOWN,
      DisconnectReason.CONNECTION_TIMEOUT,
      DisconnectReason.MEDIA_FAILURE,
    ]) {
      expect(rejoinsAfter(r)).toBe(true)
    }
  })

  it('stays out after leaving, a removal, a deleted room or a second tab', () => {
    for (const r of [
      DisconnectReason.CLIENT_INITIATED,
      DisconnectReason.PARTICIPANT_REMOVED,
      DisconnectReason.ROOM_DELETED,
      DisconnectReason.DUPLICATE_IDENTITY,
    ]) {
      expect(rejoinsAfter(r)).toBe(false)
    }
  })
})

import type { SessionResponse } from '@atrium/common'

import { ApiRequestError } from './ApiRequestError.ts'
import { sendRequest } from './http.ts'
import { clearSession, setSession } from './sessionStore.ts'

let inFlight: Promise<boolean> | undefined

/**
 * Exchanges the refresh cookie for a new access token (the server rotates the cookie).
 * Concurrent callers share one request, since a rotated cookie can be used only once.
 * Resolves true when signed in afterwards; a 401 signs out, a network failure keeps the state.
 */
export function refreshSession(): Promise<boolean> {
  inFlight ??= (async () => {
    try {
      setSession((await sendRequest('/api/auth/refresh', { method: 'POST' })) as SessionResponse)
      return true
    } catch (e) {
      if (e instanceof ApiRequestError && e.status !== 0) clearSession()
      return false
    } finally {
      inFlight = undefined
    }
  })()
  return inFlight
}

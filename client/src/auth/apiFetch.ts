import { ApiRequestError } from './ApiRequestError.ts'
import { sendRequest, type RequestOptions } from './http.ts'
import { refreshSession } from './refreshSession.ts'
import { clearSession, sessionStore } from './sessionStore.ts'

/** Refresh this long before the access token expires rather than send one about to lapse. */
const EXPIRY_MARGIN_MS = 10_000

/** An access token that is still good, refreshing first when it has (nearly) expired. */
export async function freshAccessToken(): Promise<string> {
  const s = sessionStore.getState()
  if (s.accessToken && s.expiresAt - Date.now() > EXPIRY_MARGIN_MS) return s.accessToken
  if (!(await refreshSession())) throw new ApiRequestError(401, 'session_expired', 'please sign in again')
  const token = sessionStore.getState().accessToken
  if (!token) throw new ApiRequestError(401, 'session_expired', 'please sign in again')
  return token
}

/** 401 codes a fresh access token can cure; other 401s (session_ended…) mean the session is over. */
const RETRYABLE = new Set(['token_expired', 'invalid_token'])

/**
 * Calls an API endpoint as the signed-in account. When the server answers 401 token_expired,
 * refreshes once and retries; a refused refresh surfaces as `session_expired` and signs out.
 */
export async function apiFetch<T>(path: string, opts: Omit<RequestOptions, 'token'> = {}): Promise<T> {
  const token = await freshAccessToken()
  try {
    return (await sendRequest(path, { ...opts, token })) as T
  } catch (e) {
    if (!(e instanceof ApiRequestError) || e.status !== 401) throw e
    if (!RETRYABLE.has(e.code)) {
      if (e.code === 'session_ended' || e.code === 'unauthenticated') clearSession()
      throw e
    }
  }
  if (!(await refreshSession())) throw new ApiRequestError(401, 'session_expired', 'please sign in again')
  return (await sendRequest(path, { ...opts, token: sessionStore.getState().accessToken })) as T
}

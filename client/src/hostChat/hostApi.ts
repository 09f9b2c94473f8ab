import type { HostAskRequest, HostAskResponse, HostTurn } from '@atrium/common'

import { apiFetch } from '../auth/apiFetch.ts'
import { ApiRequestError } from '../auth/ApiRequestError.ts'
import { sendRequest, type RequestOptions } from '../auth/http.ts'
import { sessionStore } from '../auth/sessionStore.ts'
import { guestSession } from './guestSession.ts'

/** Who is talking to the host: the signed-in account, else the guest token of this visit. */
export function hostOwner(): string | undefined {
  const s = sessionStore.getState()
  if (s.status === 'signedIn' && s.user) return s.user.id
  return guestSession.getState().id
}

/** One host API call with the account's token (refreshed as needed) or the guest token. */
function hostFetch<T>(path: string, opts: Omit<RequestOptions, 'token'> = {}): Promise<T> {
  if (sessionStore.getState().status === 'signedIn') return apiFetch<T>(path, opts)
  const token = guestSession.getState().token
  if (!token) return Promise.reject(new ApiRequestError(401, 'unauthenticated', 'no guest token'))
  return sendRequest(path, { ...opts, token }) as Promise<T>
}

/** POST /api/host/ask. */
export function askHost(body: HostAskRequest): Promise<HostAskResponse> {
  return hostFetch<HostAskResponse>('/api/host/ask', { method: 'POST', body })
}

/** GET /api/host/conversations/:id (the visitor's own conversation). */
export function fetchConversation(id: string): Promise<{ conversationId: string; turns: HostTurn[] }> {
  return hostFetch(`/api/host/conversations/${encodeURIComponent(id)}`)
}

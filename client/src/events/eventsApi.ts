import type {
  AttendanceView,
  CertificateStatus,
  CreateEventRequest,
  EventReminder,
  EventView,
  HostRegistrationView,
  RegistrationView,
} from '@atrium/common'

import { apiFetch, freshAccessToken } from '../auth/apiFetch.ts'
import { ApiRequestError, toApiError } from '../auth/ApiRequestError.ts'
import { downloadBlob } from '../account/downloadJson.ts'

/** HTTP calls of investor-education events (see server/src/http/routes/eventRoutes.ts). */
export const eventsApi = {
  /** Public: works signed out too. */
  async list(): Promise<EventView[]> {
    const res = await fetch('/api/events', { cache: 'no-store' })
    if (!res.ok) throw toApiError(res.status, await res.json().catch(() => undefined), null)
    return (await res.json()) as EventView[]
  },
  create: (body: CreateEventRequest) => apiFetch<EventView>('/api/events', { method: 'POST', body }),
  cancelEvent: (id: string) => apiFetch<EventView>(`/api/events/${id}/cancel`, { method: 'POST' }),
  mine: () => apiFetch<RegistrationView[]>('/api/events/mine'),
  reminders: () => apiFetch<EventReminder[]>('/api/events/reminders'),
  register: (id: string) => apiFetch<RegistrationView>(`/api/events/${id}/registration`, { method: 'POST' }),
  unregister: (id: string) => apiFetch<RegistrationView>(`/api/events/${id}/registration`, { method: 'DELETE' }),
  registrations: (id: string) => apiFetch<HostRegistrationView[]>(`/api/events/${id}/registrations`),
  decide: (id: string, userId: string, approve: boolean) =>
    apiFetch<void>(`/api/events/${id}/registrations/${userId}`, { method: 'POST', body: { approve } }),
  attendance: (id: string) => apiFetch<AttendanceView[]>(`/api/events/${id}/attendance`),
  certificateStatus: (id: string) => apiFetch<CertificateStatus>(`/api/events/${id}/certificate/status`),
  clearSlides: (id: string) => apiFetch<void>(`/api/events/${id}/slides`, { method: 'DELETE' }),

  /** Uploads one slide image as the request body. */
  async uploadSlide(id: string, file: Blob): Promise<number> {
    const res = await authed(`/api/events/${id}/slides`, {
      method: 'POST',
      headers: { 'content-type': file.type },
      body: file,
    })
    return ((await res.json()) as { page: number }).page
  },

  /** One slide image, for a texture. */
  async slide(id: string, page: number): Promise<Blob> {
    return (await authed(`/api/events/${id}/slides/${page}`)).blob()
  },

  /** A file the server sends as a download (calendar entry, chat export, certificate), saved under `name`. */
  async download(path: string, name: string, signedIn = true): Promise<void> {
    const res = signedIn ? await authed(path) : await fetch(path)
    if (!res.ok) throw toApiError(res.status, await res.json().catch(() => undefined), null)
    downloadBlob(await res.blob(), name)
  },
}

/** A non-JSON request with the account's bearer token; throws ApiRequestError on failure. */
async function authed(path: string, init: RequestInit = {}): Promise<Response> {
  const token = await freshAccessToken()
  let res: Response
  try {
    res = await fetch(path, {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${token}` },
      cache: 'no-store',
    })
  } catch {
    throw new ApiRequestError(0, 'network', 'network error')
  }
  if (!res.ok) throw toApiError(res.status, await res.json().catch(() => undefined), res.headers.get('retry-after'))
  return res
}

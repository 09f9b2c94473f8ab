/** HTTP side of shared sessions and plan reports: open, join by code, list, close, and PDF downloads. */
import type { SandboxPlanData, SandboxSessionView } from '@atrium/common'

import { apiFetch, freshAccessToken } from '../../auth/apiFetch.ts'
import { ApiRequestError, toApiError } from '../../auth/ApiRequestError.ts'

export function openSharedSession(name: string, data: SandboxPlanData): Promise<SandboxSessionView> {
  return apiFetch<SandboxSessionView>('/api/sandbox/sessions', { method: 'POST', body: { name, data } })
}

export function joinByCode(code: string): Promise<SandboxSessionView> {
  return apiFetch<SandboxSessionView>('/api/sandbox/join', { method: 'POST', body: { code } })
}

export function listSharedSessions(): Promise<SandboxSessionView[]> {
  return apiFetch<SandboxSessionView[]>('/api/sandbox/sessions')
}

export function closeSharedSession(id: string): Promise<void> {
  return apiFetch<void>(`/api/sandbox/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' })
}

/**
 * Downloads a PDF report (GET with the access token) and hands it to the browser as a file. Nothing is opened in a
 * new window, so the report never leaves this origin.
 */
export async function downloadReport(path: string, lang: string, filename: string): Promise<void> {
  const token = await freshAccessToken()
  let res: Response
  try {
    res = await fetch(`${path}?lang=${encodeURIComponent(lang)}`, {
      headers: { authorization: `Bearer ${token}` },
      cache: 'no-store',
    })
  } catch {
    throw new ApiRequestError(0, 'network', 'network error')
  }
  if (!res.ok) throw toApiError(res.status, await res.json().catch(() => undefined), res.headers.get('retry-after'))
  const url = URL.createObjectURL(await res.blob())
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.append(a)
  a.click()
  a.remove()
  // the click has started the download; the object URL is not needed after this task
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

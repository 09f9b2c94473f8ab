import { ApiRequestError, toApiError } from './ApiRequestError.ts'

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Sent as JSON; POSTs without a body send `{}` so the server's JSON check passes. */
  body?: unknown
  /** Bearer access token. */
  token?: string | undefined
}

/**
 * One JSON request to the Atrium API, same origin (so the refresh cookie travels to /api/auth/*).
 * Resolves with the parsed body (undefined for 204); throws ApiRequestError otherwise.
 */
export async function sendRequest(path: string, opts: RequestOptions = {}): Promise<unknown> {
  const method = opts.method ?? 'GET'
  const headers: Record<string, string> = { accept: 'application/json' }
  const body = opts.body ?? (method === 'POST' ? {} : undefined)
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (opts.token) headers.authorization = `Bearer ${opts.token}`
  let res: Response
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    })
  } catch {
    throw new ApiRequestError(0, 'network', 'network error')
  }
  if (res.status === 204) return undefined
  const parsed: unknown = await res.json().catch(() => undefined)
  if (!res.ok) throw toApiError(res.status, parsed, res.headers.get('retry-after'))
  return parsed
}

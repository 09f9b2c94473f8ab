import type { ApiError } from '@atrium/common'

export type ApiIssue = { path: string; message: string }

/** A failed API call: the HTTP status (0 when the network failed) and the server's error code. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
    /** Seconds from a Retry-After header (429). */
    readonly retryAfter: number | undefined = undefined,
  ) {
    super(message)
    this.name = 'ApiRequestError'
  }
}

/** Builds the error from a non-2xx response body (`{ error: { code, message, issues? } }`) and headers. */
export function toApiError(status: number, body: unknown, retryAfterHeader: string | null): ApiRequestError {
  const e = (body as Partial<ApiError> | undefined)?.error
  const seconds = retryAfterHeader === null ? NaN : Number(retryAfterHeader)
  const retryAfter = Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds) : undefined
  const issues = Array.isArray(e?.issues) ? e.issues : []
  if (e && typeof e.code === 'string') return new ApiRequestError(status, e.code, e.message ?? '', issues, retryAfter)
  return new ApiRequestError(status, status >= 500 ? 'internal' : `http_${status}`, `HTTP ${status}`, [], retryAfter)
}

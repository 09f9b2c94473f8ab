import { ApiRequestError, type ApiIssue } from './ApiRequestError.ts'

/** An i18n key with its interpolation values. */
export interface Message {
  key: string
  params?: Record<string, string | number>
}

/** API error codes with their own message; anything else reads as a generic failure. */
const KNOWN = new Set([
  'invalid_body',
  'login_taken',
  'invalid_credentials',
  'account_disabled',
  'session_expired',
  'forbidden',
  'not_found',
  'network',
  'internal',
  'consent_outdated',
  'invalid_query',
])

/** 401 codes that all mean "sign in again". */
const SIGNED_OUT = new Set(['token_expired', 'invalid_token', 'session_ended', 'unauthenticated'])

/** Maps a thrown error (usually an ApiRequestError) to the message shown beside the form. */
export function errorMessage(e: unknown): Message {
  if (!(e instanceof ApiRequestError)) return { key: 'apiErrors.unknown' }
  if (e.code === 'rate_limited') {
    return e.retryAfter === undefined
      ? { key: 'apiErrors.rate_limited_later' }
      : { key: 'apiErrors.rate_limited', params: { seconds: e.retryAfter } }
  }
  if (SIGNED_OUT.has(e.code)) return { key: 'apiErrors.session_expired' }
  if (KNOWN.has(e.code)) return { key: `apiErrors.${e.code}` }
  return e.status >= 500 ? { key: 'apiErrors.internal' } : { key: 'apiErrors.unknown' }
}

/** Form fields that have their own validation message. */
const FIELDS = ['displayName', 'loginId', 'password', 'role', 'lang'] as const
export type FieldName = (typeof FIELDS)[number]

/** Zod's issue shape, structurally, so the client need not import zod. */
interface ZodLikeIssue {
  path: readonly PropertyKey[]
  message: string
}

/** Flattens zod issues into the API's `{ path, message }` form. */
export function toIssues(issues: readonly ZodLikeIssue[]): ApiIssue[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
}

/**
 * Per-field message keys from validation issues (client-side zod or the server's invalid_body),
 * first issue per field; `name` is the guest form's name for a display name.
 */
export function fieldErrors(issues: readonly ApiIssue[]): Partial<Record<FieldName, string>> {
  const out: Partial<Record<FieldName, string>> = {}
  for (const issue of issues) {
    const head = issue.path.split('.')[0] ?? ''
    const field = (head === 'name' ? 'displayName' : head) as FieldName
    if (FIELDS.includes(field) && !out[field]) out[field] = `fields.${field}`
  }
  return out
}

import type { AuditAction } from '@atrium/common'

/** A query string (with its `?`) from the values that are set; empty when none is. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') continue
    q.set(k, String(v))
  }
  const s = q.toString()
  return s ? `?${s}` : ''
}

/** The audit filter form as typed: ids, an action, and `datetime-local` values in local time. */
export interface AuditFilterValues {
  actor: string
  subject: string
  action: AuditAction | ''
  from: string
  to: string
}

export const NO_AUDIT_FILTERS: AuditFilterValues = { actor: '', subject: '', action: '', from: '', to: '' }

/** Milliseconds since epoch from a `datetime-local` value; undefined when empty or unreadable. */
export function localTimeToMs(value: string): number | undefined {
  if (!value) return undefined
  const ms = new Date(value).getTime()
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined
}

/** GET /api/audit query for the filters, optionally paging back from entry `before`. */
export function auditQuery(f: AuditFilterValues, limit: number, before?: number): string {
  return queryString({
    actor: f.actor.trim(),
    subject: f.subject.trim(),
    action: f.action,
    from: localTimeToMs(f.from),
    to: localTimeToMs(f.to),
    before,
    limit,
  })
}

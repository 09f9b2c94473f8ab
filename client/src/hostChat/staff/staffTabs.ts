import type { Role } from '@atrium/common'

/** Sections of the staff area of the account panel. */
export type StaffTab = 'users' | 'audit' | 'handoffs' | 'complaints'

/**
 * The staff sections a role sees, its main one first: admins manage users, compliance officers read
 * the audit trail, advisors take hand-off requests; all three see hand-offs and complaints.
 */
export function staffTabs(role: Role): StaffTab[] {
  switch (role) {
    case 'admin':
      return ['users', 'handoffs', 'complaints']
    case 'compliance':
      return ['audit', 'handoffs', 'complaints']
    case 'advisor':
      return ['handoffs', 'complaints']
    default:
      return []
  }
}

/** Up to `max` plain entries of a shared plan's data as "key: value" text, for a one-glance summary. */
export function planSummary(data: Record<string, unknown>, max = 6): string[] {
  const out: string[] = []
  for (const [k, v] of Object.entries(data)) {
    if (out.length >= max) break
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out.push(`${k}: ${String(v)}`)
  }
  return out
}

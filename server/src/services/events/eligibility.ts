import { EVENT_LIMITS, type CertificateStatus } from '@atrium/common'

/** One visit: joined, and left (null while still there). */
export interface Visit {
  joinedAt: number
  leftAt: number | null
}

/**
 * Milliseconds present within [start, end]: visits clipped to the live span and merged, so two tabs or a reconnect
 * overlapping in time count once.
 */
export function presentMs(visits: readonly Visit[], start: number, end: number): number {
  const spans = visits
    .map((v) => [Math.max(v.joinedAt, start), Math.min(v.leftAt ?? end, end)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0])
  let total = 0
  let curA = -1
  let curB = -1
  for (const [a, b] of spans) {
    if (a > curB) {
      if (curB > curA) total += curB - curA
      curA = a
      curB = b
    } else curB = Math.max(curB, b)
  }
  if (curB > curA) total += curB - curA
  return total
}

/** What the certificate decision needs. */
export interface EligibilityInput {
  /** The live span; `end` null while the event has not ended. */
  start: number | null
  end: number | null
  visits: readonly Visit[]
  /** Required share of the live span (0–1). */
  required: number
  quizTotal: number
  quizScore: number | null
  registered: boolean
}

/**
 * A completion certificate is due when the event has ended, the attendee was registered, stayed at least the
 * required share of the live span, and, if the event had quizzes, answered at least EVENT_LIMITS.quizPassShare of
 * them right.
 */
export function certificateStatus(i: EligibilityInput): CertificateStatus {
  const span = i.start !== null && i.end !== null ? i.end - i.start : 0
  const share = span > 0 ? presentMs(i.visits, i.start!, i.end!) / span : 0
  const base = { share, required: i.required, quizScore: i.quizScore, quizTotal: i.quizTotal }
  if (i.end === null || span <= 0) return { eligible: false, reason: 'not_ended', ...base }
  if (!i.registered) return { eligible: false, reason: 'not_registered', ...base }
  // a hair of tolerance: join and leave stamps come from different processes' clocks
  if (share + 1e-6 < i.required) return { eligible: false, reason: 'too_short', ...base }
  if (i.quizTotal > 0 && (i.quizScore ?? 0) / i.quizTotal < EVENT_LIMITS.quizPassShare) {
    return { eligible: false, reason: 'quiz_failed', ...base }
  }
  return { eligible: true, reason: 'ok', ...base }
}

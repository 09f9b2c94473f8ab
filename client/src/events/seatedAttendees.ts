import type { Attendee } from '@atrium/common'

/** Seat index of people on the stage (the host, oversight staff) rather than in the hall (server: seats.ts). */
export const STAGE_SEAT = 65535

/** The fields that decide where an attendee is drawn. */
export type SeatFields = Pick<Attendee, 'seat' | 'seated' | 'speaker'>

/**
 * Whether the auditorium draws this attendee itself (SeatedAudience): sitting in their seat, or a speaker at a stage
 * microphone. Everyone else in the auditorium (the host, staff, an attendee who stood up) is drawn by the branch.
 */
export function drawnByAuditorium(a: SeatFields): boolean {
  return a.speaker || (a.seat !== STAGE_SEAT && a.seated)
}

/** Pseudonymous ids of the other people the auditorium instance draws; reused, never reallocated. */
const drawn = new Set<string>()

/**
 * Refreshes who the auditorium draws, from its room state (on every patch: a seated audience changes slowly).
 * `selfSession` is left out: the visitor's own body is never drawn.
 */
export function refreshDrawnAttendees(attendees: ReadonlyMap<string, Attendee>, selfSession: string): void {
  drawn.clear()
  attendees.forEach((a, sessionId) => {
    if (sessionId !== selfSession && drawnByAuditorium(a)) drawn.add(a.id)
  })
}

/** Forgets them all (the visitor left the auditorium). */
export function clearDrawnAttendees(): void {
  drawn.clear()
}

/**
 * Whether the branch should leave out the remote avatar with this pseudonymous id, because the auditorium instance
 * the visitor sits in already draws them (read per frame by the branch's avatar crowd).
 */
export function isDrawnByAuditorium(id: string): boolean {
  return drawn.has(id)
}

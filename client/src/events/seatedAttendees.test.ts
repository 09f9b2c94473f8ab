import type { Attendee } from '@atrium/common'
import { describe, expect, it } from 'vitest'

import {
  clearDrawnAttendees,
  drawnByAuditorium,
  isDrawnByAuditorium,
  refreshDrawnAttendees,
  STAGE_SEAT,
} from './seatedAttendees.ts'

const person = (id: string, over: Partial<Attendee>) =>
  ({ id, seat: 3, seated: true, speaker: false, host: false, ...over }) as Attendee

describe('who the auditorium draws, so the branch leaves them out', () => {
  it('draws seated attendees and speakers; the host, staff and anyone who stood up are the branch’s', () => {
    expect(drawnByAuditorium({ seat: 3, seated: true, speaker: false })).toBe(true)
    expect(drawnByAuditorium({ seat: 3, seated: false, speaker: false })).toBe(false)
    expect(drawnByAuditorium({ seat: 3, seated: false, speaker: true })).toBe(true)
    expect(drawnByAuditorium({ seat: STAGE_SEAT, seated: false, speaker: false })).toBe(false)
    expect(drawnByAuditorium({ seat: STAGE_SEAT, seated: false, speaker: true })).toBe(true)
  })

  it('hides exactly those remote avatars, never the visitor’s own, and none once the auditorium is left', () => {
    const attendees = new Map([
      ['s-me', person('u_me000000', {})],
      ['s-sits', person('u_sits0000', { seat: 4 })],
      ['s-walks', person('u_walks000', { seat: 5, seated: false })],
      ['s-host', person('u_host0000', { seat: STAGE_SEAT, seated: false, host: true })],
      ['s-speaks', person('u_speaks00', { seat: 6, seated: false, speaker: true })],
    ])
    refreshDrawnAttendees(attendees, 's-me')
    const hidden = ['u_me000000', 'u_sits0000', 'u_walks000', 'u_host0000', 'u_speaks00'].filter(isDrawnByAuditorium)
    expect(hidden).toEqual(['u_sits0000', 'u_speaks00'])

    // Sits stands up and walks: the branch draws them again at the next patch
    attendees.get('s-sits')!.seated = false
    refreshDrawnAttendees(attendees, 's-me')
    expect(isDrawnByAuditorium('u_sits0000')).toBe(false)

    clearDrawnAttendees()
    expect(isDrawnByAuditorium('u_speaks00')).toBe(false)
  })
})

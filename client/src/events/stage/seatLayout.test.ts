import { EVENT_LIMITS, ZONES } from '@atrium/common'
import { describe, expect, it } from 'vitest'

import { STAGE } from '../../components/environment/layout.ts'
import { micPosition, seatPosition } from './seatLayout.ts'

describe('auditorium seat layout', () => {
  it('gives every attendee of a full instance a distinct place in the hall, off the stage', () => {
    const b = ZONES.auditorium.bounds
    const seen = new Set<string>()
    for (let i = 0; i < EVENT_LIMITS.seatsPerInstance; i++) {
      const p = seatPosition(i)
      seen.add(`${p.x.toFixed(2)},${p.z.toFixed(2)}`)
      expect(p.x).toBeGreaterThan(b.minX)
      expect(p.x).toBeLessThan(b.maxX)
      expect(p.z).toBeGreaterThan(STAGE.maxZ)
      expect(p.z).toBeLessThan(b.maxZ)
    }
    expect(seen.size).toBe(EVENT_LIMITS.seatsPerInstance)
  })

  it('matches the drawn seats: the first row starts beside the aisle', () => {
    expect(seatPosition(0).x).toBeCloseTo(0.85)
    expect(seatPosition(0).z).toBe(-21)
    expect(seatPosition(1).x).toBeCloseTo(-0.85)
    expect(seatPosition(24).z).toBeCloseTo(-19.95)
  })

  it('puts speakers on the stage', () => {
    expect(micPosition(0).y).toBe(STAGE.height)
    expect(micPosition(0).z).toBeLessThan(STAGE.maxZ)
  })
})

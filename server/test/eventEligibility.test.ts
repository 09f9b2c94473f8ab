import { dequantizeYaw, quantizeYaw } from '@atrium/common'
import { describe, expect, it } from 'vitest'

import { csvCell } from '../src/services/events/EventChatService.ts'
import { certificateStatus, presentMs } from '../src/services/events/eligibility.ts'
import { escapeText, foldLine } from '../src/services/calendar/ics.ts'

const base = { start: 0, end: 1000, required: 0.8, quizTotal: 0, quizScore: null, registered: true }

describe('certificate eligibility', () => {
  it('clips visits to the live span and counts overlapping visits once', () => {
    expect(presentMs([{ joinedAt: -500, leftAt: 300 }], 0, 1000)).toBe(300)
    expect(
      presentMs(
        [
          { joinedAt: 100, leftAt: 600 },
          { joinedAt: 400, leftAt: 900 },
          { joinedAt: 950, leftAt: null },
        ],
        0,
        1000,
      ),
    ).toBe(850)
    expect(presentMs([{ joinedAt: 2000, leftAt: 3000 }], 0, 1000)).toBe(0)
  })

  it('qualifies whoever stayed the required share, not whoever left early', () => {
    expect(certificateStatus({ ...base, visits: [{ joinedAt: 0, leftAt: 850 }] })).toMatchObject({
      eligible: true,
      reason: 'ok',
      share: 0.85,
    })
    expect(certificateStatus({ ...base, visits: [{ joinedAt: 0, leftAt: 500 }] })).toMatchObject({
      eligible: false,
      reason: 'too_short',
    })
  })

  it('requires an ended event, a registration, and a passed quiz when there was one', () => {
    const visits = [{ joinedAt: 0, leftAt: null }]
    expect(certificateStatus({ ...base, end: null, visits }).reason).toBe('not_ended')
    expect(certificateStatus({ ...base, registered: false, visits }).reason).toBe('not_registered')
    expect(certificateStatus({ ...base, quizTotal: 5, quizScore: 2, visits }).reason).toBe('quiz_failed')
    expect(certificateStatus({ ...base, quizTotal: 5, quizScore: 3, visits }).eligible).toBe(true)
  })
})

describe('calendar and export text', () => {
  it('escapes RFC 5545 TEXT and folds at 75 octets without splitting characters', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne')
    const folded = foldLine(`SUMMARY:${'投'.repeat(40)}`)
    const lines = folded.split('\r\n')
    expect(lines.length).toBeGreaterThan(1)
    for (const l of lines) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75)
    expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true)
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'投'.repeat(40)}`)
  })

  it('defuses spreadsheet formulas in the chat export', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"')
    expect(csvCell('你好, "world"')).toBe('"你好, ""world"""')
  })

  it('quantizes a seated head yaw to one byte', () => {
    for (const rad of [0, 1, -1, 3, -3]) expect(Math.abs(dequantizeYaw(quantizeYaw(rad)) - rad)).toBeLessThan(0.013)
    expect(quantizeYaw(Math.PI * 2 + 0.5)).toBe(quantizeYaw(0.5))
  })
})

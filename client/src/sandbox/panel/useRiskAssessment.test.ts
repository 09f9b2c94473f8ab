import { DEFAULT_QUESTIONNAIRE } from '@atrium/common'
import { describe, expect, it } from 'vitest'

import { assessmentFromProfile } from './useRiskAssessment.ts'

describe('risk assessment from the saved profile', () => {
  it('scores option indexes as of the save time', () => {
    const answers = Object.fromEntries(DEFAULT_QUESTIONNAIRE.questions.map((q) => [q.id, 0]))
    const a = assessmentFromProfile({ answers, updatedAt: Date.UTC(2026, 0, 1) })
    expect(a?.category).toMatch(/^C[1-5]$/)
    expect(a?.assessedAt).toBe('2026-01-01T00:00:00.000Z')
  })

  it('is undefined for an incomplete questionnaire', () => {
    expect(assessmentFromProfile({ answers: {}, updatedAt: 0 })).toBeUndefined()
    const first = DEFAULT_QUESTIONNAIRE.questions[0]!
    expect(assessmentFromProfile({ answers: { [first.id]: 99 }, updatedAt: 0 })).toBeUndefined()
  })
})

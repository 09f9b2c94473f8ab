import { assessmentFromProfile, confirmationKey, DEFAULT_QUESTIONNAIRE, presetAllocation } from '@atrium/common'
import { describe, expect, it } from 'vitest'

import { planSuitability } from './planData.ts'
import { isCleared } from './suitabilityStore.ts'

const answers = Object.fromEntries(DEFAULT_QUESTIONNAIRE.questions.map((q) => [q.id, q.options.length - 1]))

describe('suitability confirmation gate', () => {
  it('lets a suitable plan through and holds a mismatch until that very check is confirmed', () => {
    const assessment = assessmentFromProfile({ answers, updatedAt: Date.now() })
    expect(assessment?.category).toBe('C3')
    const suitable = planSuitability(presetAllocation('conservative'), assessment)
    const risky = planSuitability(presetAllocation('growth'), assessment)!
    expect(isCleared(suitable, [])).toBe(true)
    expect(isCleared(undefined, [])).toBe(true)
    expect(risky.status).toBe('mismatch')
    expect(isCleared(risky, [])).toBe(false)
    expect(isCleared(risky, [confirmationKey(risky)])).toBe(true)
    // a confirmation of another assessment does not carry over
    expect(isCleared(risky, [confirmationKey({ ...risky, assessedAt: '2020-01-01T00:00:00.000Z' })])).toBe(false)
  })

  it('asks again once the questionnaire has expired', () => {
    const old = assessmentFromProfile({ answers, updatedAt: Date.now() - 400 * 24 * 3600 * 1000 })
    const check = planSuitability(presetAllocation('conservative'), old)!
    expect(check.status).toBe('expired')
    expect(isCleared(check, [])).toBe(false)
  })
})

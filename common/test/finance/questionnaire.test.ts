import { describe, expect, it } from 'vitest'

import questionnaireFile from '../../../assets/finance/risk-questionnaire.json' with { type: 'json' }
import {
  addMonthsUtc,
  assessRisk,
  categoryName,
  DEFAULT_QUESTIONNAIRE as q,
  isAssessmentValid,
  loadQuestionnaire,
  QUESTION_SECTIONS,
  RiskAssessmentSchema,
  type Answers,
} from '../../src/finance/questionnaire.ts'

/** Answers choosing, for every question, the option with the lowest or highest score. */
function extreme(pick: 'min' | 'max'): Answers {
  return Object.fromEntries(
    q.questions.map((x) => {
      const sorted = [...x.options].sort((a, b) => a.score - b.score)
      return [x.id, (pick === 'min' ? sorted[0] : sorted[sorted.length - 1])!.id]
    }),
  )
}

describe('risk questionnaire', () => {
  it('covers the five areas in zh-CN and en, with a stated purpose and a 12-month validity', () => {
    expect(new Set(q.questions.map((x) => x.section))).toEqual(new Set(QUESTION_SECTIONS))
    expect(q.validityMonths).toBe(12)
    expect(q.purpose['zh-CN']).toMatch(/12个月/)
    for (const text of [q.title, q.purpose, ...q.questions.flatMap((x) => [x.text, ...x.options.map((o) => o.text)])]) {
      expect(text['zh-CN']).toMatch(/[\u4e00-\u9fff]|[%+\d]/)
      expect(text.en).toMatch(/[A-Za-z%+\d]/)
    }
    expect(categoryName(q, 'C3')).toEqual({ 'zh-CN': '稳健型', en: 'Balanced' })
  })

  it('scores the extremes to C1 and C5', () => {
    const low = assessRisk(q, extreme('min'), '2025-03-01T00:00:00Z')
    expect(low.category).toBe('C1')
    const high = assessRisk(q, extreme('max'), '2025-03-01T00:00:00Z')
    expect(high).toMatchObject({ score: 100, maxScore: 100, category: 'C5', caps: [] })
    expect(RiskAssessmentSchema.parse(high)).toEqual(high)
  })

  it('maps each score band to its category', () => {
    // from the lowest uncapped answers, raise one question at a time and check the category at every score reached
    const answers: Answers = Object.fromEntries(
      q.questions.map((x) => [x.id, [...x.options].filter((o) => !o.cap).sort((a, b) => a.score - b.score)[0]!.id]),
    )
    const seen = new Map<number, string>()
    for (const x of q.questions) {
      for (const o of [...x.options].filter((o) => !o.cap).sort((a, b) => a.score - b.score)) {
        answers[x.id] = o.id
        const r = assessRisk(q, answers, 0)
        expect(r.caps).toEqual([])
        seen.set(r.score, r.category)
      }
    }
    for (const [score, category] of seen) {
      const expected = [...q.categories].reverse().find((c) => score >= c.minScore)!.category
      expect(category).toBe(expected)
    }
    expect(new Set(seen.values())).toEqual(new Set(['C1', 'C2', 'C3', 'C4', 'C5']))
  })

  it('applies caps: "no loss at all" gives C1 and a horizon under a year at most C2, whatever the score', () => {
    const noLoss = assessRisk(q, { ...extreme('max'), maxLoss: 'a' }, 0)
    expect(noLoss.scoreCategory).toBe('C5')
    expect(noLoss.category).toBe('C1')
    expect(noLoss.caps).toEqual([{ questionId: 'maxLoss', cap: 'C1' }])
    expect(assessRisk(q, { ...extreme('max'), horizon: 'a' }, 0).category).toBe('C2')
    expect(assessRisk(q, { ...extreme('max'), age: 'e' }, 0).category).toBe('C3')
  })

  it('expires after 12 calendar months', () => {
    const r = assessRisk(q, extreme('max'), '2025-01-31T09:30:00.000Z')
    expect(r.expiresAt).toBe('2026-01-31T09:30:00.000Z')
    expect(isAssessmentValid(r, '2026-01-31T09:29:59.999Z')).toBe(true)
    expect(isAssessmentValid(r, '2026-01-31T09:30:00.000Z')).toBe(false)
    expect(addMonthsUtc(new Date('2024-02-29T00:00:00Z'), 12).toISOString()).toBe('2025-02-28T00:00:00.000Z')
    expect(addMonthsUtc(new Date('2025-01-31T00:00:00Z'), 1).toISOString()).toBe('2025-02-28T00:00:00.000Z')
  })

  it('refuses incomplete or unknown answers', () => {
    const { age: _, ...missingAge } = extreme('max')
    expect(() => assessRisk(q, missingAge)).toThrow(/"age" unanswered/)
    expect(() => assessRisk(q, { ...extreme('max'), age: 'z' })).toThrow(/"age" has no option "z"/)
    expect(() => assessRisk(q, { ...extreme('max'), shoeSize: 'a' })).toThrow(/unknown questions: shoeSize/)
  })

  it('validates the file on load', () => {
    const f = structuredClone(questionnaireFile)
    f.questions = f.questions.filter((x) => x.section !== 'capacityForLoss')
    expect(() => loadQuestionnaire(f)).toThrow(/no questions for capacityForLoss/)
    const g = structuredClone(questionnaireFile)
    g.categories[2]!.minScore = 10
    expect(() => loadQuestionnaire(g)).toThrow(/minScore rising/)
  })
})

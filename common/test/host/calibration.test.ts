/**
 * The confidence model on our own calibration set (fixtures/calibration.json) and the real knowledge base:
 * answers are mostly right, out-of-scope lines are turned away, and confidence means what it says.
 */
import { describe, expect, it } from 'vitest'

import { createHostBrain } from '../../src/host/brain.ts'
import { confidenceOf, decide } from '../../src/host/calibration.ts'
import { LANGS } from '../../src/i18nLangs.ts'
import { loadCalibration, loadRealKnowledge } from './loadKb.ts'

const brain = createHostBrain(loadRealKnowledge())
const cal = loadCalibration()

describe('calibration (own paraphrases and out-of-scope lines)', () => {
  it('decisions follow the confidence bands', () => {
    expect(decide(0.9)).toBe('answer')
    expect(decide(0.5)).toBe('clarify')
    expect(decide(0.1)).toBe('decline')
    expect(confidenceOf({ coverage: 1, questionCoverage: 1, margin: 0, hits: [] })).toBe(0)
  })

  for (const lang of LANGS) {
    it(`${lang}: answers are right at least 95% of the time, and most paraphrases are answered or clarified`, () => {
      const replies = cal.inScope[lang].map(({ q, expect: id }) => ({ id, reply: brain.ask(q, { lang }) }))
      const answers = replies.filter((r) => r.reply.kind === 'answer')
      const right = answers.filter((r) => r.reply.entryId === r.id).length
      expect(right / answers.length).toBeGreaterThanOrEqual(0.95)
      // the English set includes 169 deliberately colloquial paraphrases (British spellings, contractions, everyday
      // words the entries do not use), added 2026-12 as a harder internal measure: a lower bar than zh's
      const bar = lang === 'en' ? 0.7 : 0.8
      expect(replies.filter((r) => r.reply.kind !== 'decline').length / replies.length).toBeGreaterThanOrEqual(bar)
    })

    it(`${lang}: out-of-scope lines are declined`, () => {
      const kinds = cal.outOfScope[lang].map((q) => brain.ask(q, { lang }).kind)
      expect(kinds.filter((k) => k === 'answer').length).toBeLessThanOrEqual(2)
      expect(kinds.filter((k) => k === 'decline' || k === 'handoff').length / kinds.length).toBeGreaterThanOrEqual(0.9)
    })
  }

  it('clarifying questions offer 2–3 entries in the visitor language', () => {
    const r = brain.ask('How do I file for divorce?', { lang: 'en' })
    if (r.kind === 'clarify') {
      expect(r.suggestions!.length).toBeGreaterThanOrEqual(2)
      expect(r.suggestions!.length).toBeLessThanOrEqual(3)
    } else expect(r.kind).toBe('decline')
  })
})

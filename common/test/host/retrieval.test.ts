/**
 * Retrieval quality on the held-out set (assets/knowledge/heldout). Measurement only: nothing in the engine was
 * tuned on these files. Top-1 is measured on the ranking itself, before intent routing (heldout/README.md).
 * Out of scope: the reply must not be an answer. 'decline' and 'handoff' are what the set's README asks for;
 * a 'clarify' (a question back with suggestions, never an answer) also counts as not answering here, and the
 * strict share (decline or handoff only) is printed too.
 */
import { describe, expect, it } from 'vitest'

import { createHostBrain } from '../../src/host/brain.ts'
import { LANGS } from '../../src/i18nLangs.ts'
import { loadHeldout, loadRealKnowledge } from './loadKb.ts'

const brain = createHostBrain(loadRealKnowledge())
const heldout = loadHeldout()

describe('held-out retrieval quality', () => {
  for (const lang of LANGS) {
    it(`${lang}: top-1 ≥ 90%`, () => {
      const set = heldout.inScope[lang]
      const misses = set.filter(({ q, expect: id }) => brain.retriever.search(q, lang, 1).hits[0]?.entry.id !== id)
      const accuracy = 1 - misses.length / set.length
      console.log(
        `held-out ${lang}: top-1 ${(accuracy * 100).toFixed(1)}% (${set.length - misses.length}/${set.length})`,
      )
      expect(set.length).toBeGreaterThan(100)
      expect(accuracy).toBeGreaterThanOrEqual(0.9)
    })

    it(`${lang}: ≥ 95% of out-of-scope lines are not answered`, () => {
      const lines = heldout.outOfScope[lang]
      const kinds = lines.map((q) => brain.ask(q, { lang }).kind)
      const notAnswered = kinds.filter((k) => k !== 'answer').length / lines.length
      const strict = kinds.filter((k) => k === 'decline' || k === 'handoff').length / lines.length
      console.log(
        `held-out out-of-scope ${lang}: not answered ${(notAnswered * 100).toFixed(1)}%, ` +
          `declined or handed off ${(strict * 100).toFixed(1)}% (${lines.length} lines)`,
      )
      expect(lines.length).toBeGreaterThan(20)
      expect(notAnswered).toBeGreaterThanOrEqual(0.95)
    })
  }
})

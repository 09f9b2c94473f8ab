/**
 * Internal retrieval-quality report: `node --import tsx bench/host/eval.ts`. Never reads the held-out set.
 * - own questions, 10-fold: every 10th question (of entries that keep one in that language) is removed from its
 *   entry, the index rebuilt, and the question asked; top-1 per language;
 * - our calibration paraphrases (common/test/host/fixtures/calibration.json): top-1 per language and the share
 *   answered; our out-of-scope lines: the share not answered.
 */
import { createHostBrain } from '../../common/src/host/brain.ts'
import type { KnowledgeBase } from '../../common/src/host/knowledge.ts'
import { Retriever, type RetrieverWeights } from '../../common/src/host/retriever.ts'
import type { Lang } from '../../common/src/i18nLangs.ts'
import { loadCalibration, loadRealKnowledge } from '../../common/test/host/loadKb.ts'
import { ownQuestionFold } from './folds.ts'

const LANGS: Lang[] = ['zh-CN', 'en']
const FOLDS = 10
const verbose = process.argv.includes('--verbose')
/** `--weights '{"answer":0.3}'` overrides retriever weights for an experiment. */
const wi = process.argv.indexOf('--weights')
const weights = (wi > 0 ? JSON.parse(process.argv[wi + 1]!) : {}) as Partial<RetrieverWeights>
const pct = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(1)}% (${a}/${b})`

function ownQuestions(kb: KnowledgeBase): Record<Lang, [number, number]> {
  const res: Record<Lang, [number, number]> = { 'zh-CN': [0, 0], en: [0, 0] }
  for (let fold = 0; fold < FOLDS; fold++) {
    const { entries, asked } = ownQuestionFold(kb, FOLDS, fold)
    const r = new Retriever({ ...kb, entries }, weights)
    for (const a of asked) {
      const got = r.search(a.q, a.lang, 1).hits[0]?.entry.id
      res[a.lang][1]++
      if (got === a.id) res[a.lang][0]++
      else if (verbose) console.log(`  own miss ${a.lang}: ${a.q} → ${got} (want ${a.id})`)
    }
  }
  return res
}

const kb = loadRealKnowledge()
const brain = createHostBrain(kb)
const retriever = new Retriever(kb, weights)
const cal = loadCalibration()
const own = ownQuestions(kb)
for (const lang of LANGS) {
  const set = cal.inScope[lang]
  let top1 = 0
  let answered = 0
  let answeredRight = 0
  for (const { q, expect } of set) {
    const got = retriever.search(q, lang, 1).hits[0]?.entry.id
    if (got === expect) top1++
    else if (verbose) console.log(`  cal miss ${lang}: ${q} → ${got} (want ${expect})`)
    const reply = brain.ask(q, { lang })
    if (reply.kind === 'answer') {
      answered++
      if (reply.entryId === expect) answeredRight++
    }
  }
  const oos = cal.outOfScope[lang].map((q) => ({ q, kind: brain.ask(q, { lang }).kind }))
  if (verbose) oos.filter((o) => o.kind === 'answer').forEach((o) => console.log(`  oos answered ${lang}: ${o.q}`))
  console.log(
    `${lang}: own 10-fold top-1 ${pct(...own[lang])} | calibration top-1 ${pct(top1, set.length)}, ` +
      `answered ${pct(answered, set.length)}, right when answered ${pct(answeredRight, answered)} | ` +
      `oos not answered ${pct(oos.filter((o) => o.kind !== 'answer').length, oos.length)}`,
  )
}

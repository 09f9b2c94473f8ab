/**
 * Fits the host's confidence model (common/src/host/calibration.ts): `node --import tsx bench/host/calibrate.ts`.
 *
 * Evidence, never the held-out set:
 * - the knowledge base's own questions, 5-fold: each fold's questions are removed from their entries (answers
 *   stay), the index is rebuilt, and each removed question is asked; label = its entry ranks first;
 * - common/test/host/fixtures/calibration.json: our own paraphrases (label = expected entry first) and our own
 *   out-of-scope lines (label 0) — only those that reach retrieval (not caught by an intent or guardrail).
 * Prints the fitted logistic coefficients and, for candidate thresholds, how many of each group would be answered,
 * clarified and declined, so the thresholds in calibration.ts can be chosen and justified.
 */
import { createHostBrain } from '../../common/src/host/brain.ts'
import { confidenceOf } from '../../common/src/host/calibration.ts'
import type { KnowledgeBase } from '../../common/src/host/knowledge.ts'
import { Retriever, type Retrieval } from '../../common/src/host/retriever.ts'
import type { Lang } from '../../common/src/i18nLangs.ts'
import { loadCalibration, loadRealKnowledge } from '../../common/test/host/loadKb.ts'
import { ownQuestionFold } from './folds.ts'

interface Sample {
  coverage: number
  questionCoverage: number
  margin: number
  label: 0 | 1
  group: 'own' | 'para' | 'oos'
}
const LANGS: Lang[] = ['zh-CN', 'en']
const FOLDS = 5

const sample = (r: Retrieval, label: 0 | 1, group: Sample['group']): Sample => ({
  coverage: r.coverage,
  questionCoverage: r.questionCoverage,
  margin: r.margin,
  label,
  group,
})

function ownQuestions(kb: KnowledgeBase): Sample[] {
  const out: Sample[] = []
  for (let fold = 0; fold < FOLDS; fold++) {
    const { entries, asked } = ownQuestionFold(kb, FOLDS, fold)
    const r = new Retriever({ ...kb, entries })
    for (const a of asked) {
      const res = r.search(a.q, a.lang)
      out.push(sample(res, res.hits[0]?.entry.id === a.id ? 1 : 0, 'own'))
    }
  }
  return out
}

/** Features of the confidence model, in the order of the coefficients in calibration.ts. */
const features = (s: Pick<Sample, 'coverage' | 'questionCoverage' | 'margin'>): number[] => [
  s.questionCoverage,
  s.coverage,
  s.coverage * s.margin,
  1,
]
/** Out-of-scope lines are few but what matters most (answering them is the costly mistake): weighted up. */
const OOS_WEIGHT = 8

/** Weighted logistic regression by gradient descent (four features and a few thousand samples: instant). */
function fit(samples: Sample[]): number[] {
  const w = [0, 0, 0, 0]
  for (let it = 0; it < 30_000; it++) {
    const g = [0, 0, 0, 0]
    for (const s of samples) {
      const x = features(s)
      const p = 1 / (1 + Math.exp(-x.reduce((z, xi, i) => z + xi * w[i]!, 0)))
      const weight = s.group === 'oos' ? OOS_WEIGHT : 1
      x.forEach((xi, i) => (g[i]! += weight * (p - s.label) * xi))
    }
    w.forEach((_, i) => (w[i]! -= (2 * g[i]!) / samples.length))
  }
  return w
}

const kb = loadRealKnowledge()
const brain = createHostBrain(kb)
const cal = loadCalibration()
const samples = ownQuestions(kb)
for (const lang of LANGS) {
  for (const { q, expect } of cal.inScope[lang]) {
    const r = brain.retriever.search(q, lang)
    samples.push(sample(r, r.hits[0]?.entry.id === expect ? 1 : 0, 'para'))
  }
  for (const q of cal.outOfScope[lang]) {
    const reply = brain.ask(q, { lang })
    // lines an intent or guardrail already turns away never reach the thresholds
    if (!['answer', 'clarify'].includes(reply.kind) && reply.confidence === undefined) continue
    samples.push(sample(brain.retriever.search(q, lang), 0, 'oos'))
  }
}
const coef = fit(samples)
console.log('fitted', JSON.stringify(coef))
const conf = (s: Sample): number => confidenceOf({ ...s, hits: [undefined as never] })
const confFitted = (s: Sample): number => 1 / (1 + Math.exp(-features(s).reduce((z, x, i) => z + x * coef[i]!, 0)))
for (const [name, f] of [
  ['current', conf],
  ['fitted', confFitted],
] as const) {
  console.log(`\n${name} model`)
  const rows: Record<string, Record<string, string>> = {}
  for (const t of [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
    const row: Record<string, string> = {}
    for (const g of ['own', 'para', 'oos'] as const) {
      const gs = samples.filter((s) => s.group === g)
      const answered = gs.filter((s) => f(s) >= t)
      const right = answered.filter((s) => s.label === 1).length
      row[g] = `${answered.length}/${gs.length} answered, ${right} right`
    }
    rows[`≥ ${t}`] = row
  }
  console.table(rows)
  // reliability: mean confidence vs accuracy per bin
  const bins = [0, 0.2, 0.4, 0.6, 0.8, 1.01]
  for (let i = 0; i + 1 < bins.length; i++) {
    const bs = samples.filter((s) => f(s) >= bins[i]! && f(s) < bins[i + 1]!)
    if (bs.length === 0) continue
    const acc = bs.filter((s) => s.label === 1).length / bs.length
    const mean = bs.reduce((x, s) => x + f(s), 0) / bs.length
    console.log(
      `  bin [${bins[i]}, ${bins[i + 1]}): n=${bs.length} mean conf ${mean.toFixed(2)} accuracy ${acc.toFixed(2)}`,
    )
  }
}

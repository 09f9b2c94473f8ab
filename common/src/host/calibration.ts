/**
 * Turns retrieval evidence into a confidence and a decision. The confidence is a logistic model of the best
 * entry's coverage (how much of the question's information it contains), the same counted on its questions
 * only, and coverage × margin (being far ahead of the runner-up only means something when the entry covers the
 * question: a lone weak match has a margin of 1).
 *
 * Fitted by `node --import tsx bench/host/calibrate.ts` (weighted logistic regression) on the knowledge base's
 * own questions (5-fold: each asked of an index built without it) and on common/test/host/fixtures/
 * calibration.json (our own paraphrases of the catalogue titles and our own out-of-scope lines, weighted up);
 * never on the held-out set, which only measures. Refitted after the retrieval changes of 2026-12 (Porter
 * stemming, spelling folding, the coverage factor; 203 entries, 575 paraphrases):
 * - confidence is calibrated: in each 0.2-wide bin, mean confidence and accuracy agree within 0.1;
 * - at ≥ 0.6 our paraphrases are answered 66% of the time and 97% of those answers are right;
 * - below 0.4, out-of-scope lines that reach retrieval are declined (52 of 57; the rest of 80 are turned away
 *   earlier by intents and outOfReach.ts), and 2 of 57 reach an answer.
 */
import type { Retrieval } from './retriever.ts'

/** Logistic coefficients: confidence = 1 / (1 + e^−z), z = Σ coefficient · feature + bias. */
export const CALIBRATION = { questionCoverage: 0.53, coverage: 2.12, coverageTimesMargin: 5.63, bias: -3.0 } as const

/** At or above: answer. */
export const ANSWER_AT = 0.6
/** At or above (and below ANSWER_AT): ask a clarifying question. Below: decline and offer a person. */
export const CLARIFY_AT = 0.4

/** Calibrated probability (0–1) that the best entry answers the question. */
export function confidenceOf(r: Pick<Retrieval, 'coverage' | 'questionCoverage' | 'margin' | 'hits'>): number {
  if (r.hits.length === 0) return 0
  const z =
    CALIBRATION.questionCoverage * r.questionCoverage +
    CALIBRATION.coverage * r.coverage +
    CALIBRATION.coverageTimesMargin * r.coverage * r.margin +
    CALIBRATION.bias
  return 1 / (1 + Math.exp(-z))
}

/** What to do with a question, from its confidence. */
export function decide(confidence: number): 'answer' | 'clarify' | 'decline' {
  if (confidence >= ANSWER_AT) return 'answer'
  return confidence >= CLARIFY_AT ? 'clarify' : 'decline'
}

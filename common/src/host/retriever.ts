/**
 * Knowledge-base retrieval over two fields per entry, both languages together: its questions and its answer.
 * The question field is scored per question and the best one counts (an entry's questions are alternative
 * phrasings, not one text: concatenated, the words they repeat would inflate term frequency and BM25's length
 * normalisation would penalise the entries with the most phrasings). Queries are expanded with synonym groups at
 * a lower weight. Also returns the evidence the confidence calibration needs (calibration.ts).
 */
import type { Lang } from '../i18nLangs.ts'
import { Bm25Index, insertTop, type Scored } from './bm25.ts'
import type { KnowledgeBase, KnowledgeEntry } from './knowledge.ts'
import { Tokenizer } from './tokenize.ts'

/**
 * Field weights. A visitor's words resemble the way questions are phrased far more than the answers, which also
 * mention neighbouring topics in passing ("…or ask a licensed advisor"), so the best question match counts most.
 */
export const QUESTION_WEIGHT = 1
export const ANSWER_WEIGHT = 0.5
export const ALL_QUESTIONS_WEIGHT = 0.6
/** Weight of a term added by synonym expansion, relative to the visitor's own words. */
export const SYNONYM_WEIGHT = 0.4
/**
 * The best candidates' scores are multiplied by coverage^COORD (the share of the question's idf-weighted terms
 * that the entry contains anywhere, as in Lucene's old coordination factor): an entry that matches one word of
 * the question very well no longer beats one that matches all of them reasonably. On the entries' own questions
 * asked of an index without them (bench/host/eval.ts) this alone lifts top-1 from about 41–44% to 48–49%.
 */
export const COORD = 0.5

/** Field weights and the weight of synonym-expanded terms. */
export interface RetrieverWeights {
  question: number
  answer: number
  all: number
  synonym: number
  /** Exponent of the coverage factor applied to the best candidates' scores (0: plain BM25F). */
  coord: number
}
/** Candidates re-ranked by coverage. */
const RERANK = 10
const DEFAULT_WEIGHTS: RetrieverWeights = {
  question: QUESTION_WEIGHT,
  answer: ANSWER_WEIGHT,
  all: ALL_QUESTIONS_WEIGHT,
  synonym: SYNONYM_WEIGHT,
  coord: COORD,
}

/** One retrieved entry. */
export interface Hit {
  entry: KnowledgeEntry
  score: number
}

/** Ranked entries and the evidence behind the best one. */
export interface Retrieval {
  hits: Hit[]
  /** Share of the query's information (idf-weighted terms) that the best entry contains, 0–1. */
  coverage: number
  /** The same share counting only the best entry's questions (answers mention many things in passing). */
  questionCoverage: number
  /** (best − second) / best, 0–1; 1 when only one entry matched. */
  margin: number
  /** Number of distinct query terms (before expansion). */
  terms: number
}

interface SynonymMember {
  /** Word tokens that must all be present for the member to match. */
  words: string[]
  /** All tokens, added to the query when another member of the group matches. */
  tokens: Map<string, number>
}

/** The searchable form of a knowledge base; build once, query many times. */
export class Retriever {
  readonly tokenizer: Tokenizer
  /** One document per question (both languages); `questionEntry` maps it to its entry. */
  private readonly questions: Bm25Index
  private readonly questionEntry: Int32Array
  /** One document per entry: its answers in both languages. */
  private readonly answers: Bm25Index
  /** One document per entry: all its questions together. */
  private readonly allQuestions: Bm25Index
  /** Distinct terms of each entry (questions and answers), for the coverage measure. */
  private readonly entryTerms: Set<string>[]
  /** Distinct terms of each entry's questions. */
  private readonly questionTerms: Set<string>[]
  /** Best question score per entry, reused by every search. */
  private readonly best: Float64Array
  private readonly entries: KnowledgeEntry[]
  /** Synonym groups by the first word of each member. */
  private readonly synonyms = new Map<string, { member: SynonymMember; group: SynonymMember[] }[]>()

  private readonly weights: RetrieverWeights

  /** `weights` overrides the field and synonym weights (for calibration experiments). */
  constructor(kb: KnowledgeBase, weights: Partial<RetrieverWeights> = {}) {
    this.weights = { ...DEFAULT_WEIGHTS, ...weights }
    this.tokenizer = new Tokenizer(kb.dictionary)
    this.entries = kb.entries
    const terms = (texts: string[], lang: Lang): string[] =>
      texts.flatMap((t) => this.tokenizer.tokenize(t, lang).map((x) => x.term))
    const questions: string[][][] = []
    const questionEntry: number[] = []
    this.entryTerms = kb.entries.map((e, i) => {
      const terms = new Set<string>()
      for (const lang of ['zh-CN', 'en'] as const) {
        for (const q of e[lang].questions) {
          const toks = this.tokenizer.tokenize(q, lang).map((x) => x.term)
          questions.push([toks])
          questionEntry.push(i)
          toks.forEach((t) => terms.add(t))
        }
      }
      return terms
    })
    this.questions = new Bm25Index(questions, [1])
    this.questionTerms = this.entryTerms.map((t) => new Set(t))
    const perEntry: string[][][] = kb.entries.map(() => [[]])
    questions.forEach((q, i) => perEntry[questionEntry[i]!]![0]!.push(...q[0]!))
    this.allQuestions = new Bm25Index(perEntry, [1])
    this.questionEntry = Int32Array.from(questionEntry)
    this.answers = new Bm25Index(
      kb.entries.map((e, i) => {
        const toks = [...terms([e['zh-CN'].answer], 'zh-CN'), ...terms([e.en.answer], 'en')]
        toks.forEach((t) => this.entryTerms[i]!.add(t))
        return [toks]
      }),
      [1],
    )
    this.best = new Float64Array(kb.entries.length)
    for (const raw of kb.synonyms) {
      const group = raw.map((s) => {
        const toks = this.tokenizer.tokenize(s)
        return {
          words: toks.filter((t) => t.kind === 'word').map((t) => t.term),
          tokens: this.tokenizer.weighted(s),
        }
      })
      for (const member of group) {
        const first = member.words[0]
        if (first === undefined) continue
        const list = this.synonyms.get(first) ?? []
        list.push({ member, group })
        this.synonyms.set(first, list)
      }
    }
  }

  /** Number of indexed entries. */
  get size(): number {
    return this.entries.length
  }

  /** The `k` best entries for a question, with the evidence for calibration. */
  search(text: string, lang: Lang, k = 3): Retrieval {
    const query = this.tokenizer.weighted(text, lang)
    const { expanded, sources } = this.expand(query)
    let top = this.rank(expanded, Math.max(k, RERANK))
    if (this.weights.coord > 0) {
      top = top
        .map((s) => ({
          doc: s.doc,
          score: s.score * this.coverage(query, sources, this.entryTerms[s.doc]!) ** this.weights.coord,
        }))
        .sort((a, b) => b.score - a.score)
    }
    top = top.slice(0, k)
    const hits = top.map((s) => ({ entry: this.entries[s.doc]!, score: s.score }))
    const best = top[0]
    const coverage = best ? this.coverage(query, sources, this.entryTerms[best.doc]!) : 0
    const questionCoverage = best ? this.coverage(query, sources, this.questionTerms[best.doc]!) : 0
    const second = top[1]?.score ?? 0
    const margin = best ? (best.score - second) / best.score : 0
    return { hits, coverage, questionCoverage, margin, terms: query.size }
  }

  /** Share of the query's idf-weighted terms found in `has`, directly or through a synonym they brought in. */
  private coverage(query: ReadonlyMap<string, number>, sources: Map<string, string[]>, has: Set<string>): number {
    let total = 0
    let found = 0
    for (const [term, weight] of query) {
      // idf from the question index: how telling the term is among the ways visitors ask
      const info = weight * this.questions.idf(term)
      total += info
      if (has.has(term) || sources.get(term)?.some((t) => has.has(t))) found += info
    }
    return total > 0 ? found / total : 0
  }

  /** Entry scores: weighted best question score plus weighted answer score; the k best. */
  private rank(query: ReadonlyMap<string, number>, k: number): Scored[] {
    const best = this.best
    const touched: number[] = []
    this.questions.scoreAll(query, (q, score) => {
      const e = this.questionEntry[q]!
      if (best[e] === 0) touched.push(e)
      if (score > best[e]!) best[e] = score
    })
    const scores = new Map<number, number>()
    for (const e of touched) {
      scores.set(e, this.weights.question * best[e]!)
      best[e] = 0
    }
    this.answers.scoreAll(query, (e, score) => scores.set(e, (scores.get(e) ?? 0) + this.weights.answer * score))
    this.allQuestions.scoreAll(query, (e, score) => scores.set(e, (scores.get(e) ?? 0) + this.weights.all * score))
    const top: Scored[] = []
    for (const [e, score] of scores) insertTop(top, k, e, score)
    return top
  }

  /** Adds the other members of every synonym group one of whose members the query contains in full. */
  private expand(query: Map<string, number>): { expanded: Map<string, number>; sources: Map<string, string[]> } {
    const expanded = new Map(query)
    const sources = new Map<string, string[]>()
    for (const term of query.keys()) {
      for (const { member, group } of this.synonyms.get(term) ?? []) {
        if (!member.words.every((w) => query.has(w))) continue
        for (const other of group) {
          if (other === member) continue
          for (const [t, w] of other.tokens) {
            const weight = w * this.weights.synonym
            if ((expanded.get(t) ?? 0) < weight) expanded.set(t, weight)
            for (const src of member.words) sources.set(src, [...(sources.get(src) ?? []), t])
          }
        }
      }
    }
    return { expanded, sources }
  }
}

/**
 * BM25F over documents made of weighted fields (digital-human.md §7): k1 = 1.2, b = 0.75, Lucene's idf
 * log(1 + (N − n + 0.5) / (n + 0.5)). Per field, term frequency is length-normalised against that field's average
 * length and weighted, the sum is saturated once, and the saturated value of every (term, document) pair is
 * computed when the index is built, so answering a query is a walk over the query terms' postings and nothing
 * more (well under a millisecond for a thousand entries).
 */

/** BM25 parameters (Lucene's defaults). */
export const BM25_K1 = 1.2
export const BM25_B = 0.75

interface Postings {
  docs: Int32Array
  /** Saturated, field-weighted term frequency: tf'·(k1 + 1) / (tf' + k1). */
  sat: Float32Array
}

/** One scored document. */
export interface Scored {
  doc: number
  score: number
}

/** Lucene's BM25 idf for a term found in `n` of `total` documents. */
export function bm25Idf(total: number, n: number): number {
  return Math.log(1 + (total - n + 0.5) / (n + 0.5))
}

/** An immutable inverted index; `docs[d][f]` are the tokens of field f of document d. */
export class Bm25Index {
  readonly size: number
  private readonly postings = new Map<string, Postings>()
  private readonly idfs = new Map<string, number>()
  /** Distinct terms of each document, for coverage checks. */
  private readonly termSets: Set<string>[] = []
  /** Scratch accumulator reused by every search (JavaScript runs one search at a time). */
  private readonly acc: Float64Array

  constructor(docs: readonly (readonly (readonly string[])[])[], fieldWeights: readonly number[]) {
    this.size = docs.length
    this.acc = new Float64Array(docs.length)
    const avg = fieldWeights.map((_, f) => docs.reduce((s, d) => s + (d[f]?.length ?? 0), 0) / Math.max(1, docs.length))
    const build = new Map<string, { docs: number[]; sat: number[] }>()
    docs.forEach((fields, d) => {
      const tf = new Map<string, number>()
      fields.forEach((tokens, f) => {
        const w = fieldWeights[f] ?? 0
        const norm = 1 - BM25_B + (BM25_B * tokens.length) / (avg[f] || 1)
        for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + w / norm)
      })
      this.termSets.push(new Set(tf.keys()))
      for (const [t, x] of tf) {
        let p = build.get(t)
        if (!p) build.set(t, (p = { docs: [], sat: [] }))
        p.docs.push(d)
        p.sat.push((x * (BM25_K1 + 1)) / (x + BM25_K1))
      }
    })
    for (const [t, p] of build) {
      this.postings.set(t, { docs: Int32Array.from(p.docs), sat: Float32Array.from(p.sat) })
      this.idfs.set(t, bm25Idf(this.size, p.docs.length))
    }
  }

  /** idf of a term; a term in no document gets the largest possible idf (it is as rare as can be). */
  idf(term: string): number {
    return this.idfs.get(term) ?? bm25Idf(this.size, 0)
  }

  /** True when document `doc` contains `term` in any field. */
  has(doc: number, term: string): boolean {
    return this.termSets[doc]?.has(term) ?? false
  }

  /** Number of distinct indexed terms. */
  get vocabulary(): number {
    return this.postings.size
  }

  /**
   * Calls `visit` with every document that matches the weighted query (term → weight) and its score, in no
   * particular order. Documents without a query term are not visited.
   */
  scoreAll(query: ReadonlyMap<string, number>, visit: (doc: number, score: number) => void): void {
    const acc = this.acc
    const touched: number[] = []
    for (const [term, weight] of query) {
      const p = this.postings.get(term)
      if (!p) continue
      const w = weight * (this.idfs.get(term) ?? 0)
      for (let i = 0; i < p.docs.length; i++) {
        const d = p.docs[i]!
        if (acc[d] === 0) touched.push(d)
        acc[d]! += w * p.sat[i]!
      }
    }
    for (const d of touched) {
      visit(d, acc[d]!)
      acc[d] = 0
    }
  }

  /** The `k` best documents for a weighted query, best first; documents scoring 0 are left out. */
  search(query: ReadonlyMap<string, number>, k: number): Scored[] {
    const top: Scored[] = []
    this.scoreAll(query, (doc, score) => insertTop(top, k, doc, score))
    return top
  }
}

/** Inserts (doc, score) into `top`, a list of at most k sorted best first; ties keep the earlier one first. */
export function insertTop(top: Scored[], k: number, doc: number, score: number): void {
  if (score <= 0 || (top.length === k && score <= top[k - 1]!.score)) return
  let i = top.length < k ? top.length : k - 1
  while (i > 0 && top[i - 1]!.score < score) i--
  top.splice(i, 0, { doc, score })
  if (top.length > k) top.pop()
}

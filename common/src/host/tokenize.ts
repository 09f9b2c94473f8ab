/**
 * Tokeniser for FAQ retrieval in Chinese and English (digital-human.md §7).
 *
 * tokens = Intl.Segmenter word segments, with domain-dictionary terms re-joined, ∪ selected CJK character bigrams;
 * NFKC-normalised (full-width letters and digits become ASCII, so "ＥＴＦ" meets "etf"), lowercased, stop words
 * removed, English words lightly stemmed. No model and no dependency: Intl.Segmenter is in every browser since 2024
 * and in Node's full ICU.
 */
import type { Lang } from '../i18nLangs.ts'
import { detectLang, HAN } from './lang.ts'
import { stem } from './stem.ts'
import { EN_STOP, ZH_FUNCTION, ZH_PARTICLES, ZH_STOP } from './stopwords.ts'

/** A token and how it was found: word segments and dictionary terms count fully, bigrams as a fallback. */
export interface Token {
  term: string
  kind: 'word' | 'bigram'
}

/** Query weight of a bigram: it overlaps the word tokens around it, so a full weight would count a match twice. */
export const BIGRAM_WEIGHT = 0.5

interface Unit {
  start: number
  end: number
  text: string
}

const segmenters = new Map<Lang, Intl.Segmenter>()
function segmenter(lang: Lang): Intl.Segmenter {
  let s = segmenters.get(lang)
  // constructing a segmenter loads ICU data; one per language for the life of the page or process
  if (!s) segmenters.set(lang, (s = new Intl.Segmenter(lang === 'zh-CN' ? 'zh' : 'en', { granularity: 'word' })))
  return s
}

const isHan = (ch: string | undefined): boolean => ch !== undefined && HAN.test(ch)
const LATIN_EDGE = /[a-z0-9]/

/** NFKC, lowercase and straight apostrophes (it’s → it's): the one normalisation applied to documents, queries, synonyms and dictionary terms alike. */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
}

/** Irregular negative contractions. */
const NEGATIVES: Record<string, string> = { "won't": 'will', "can't": 'can', "shan't": 'shall', "ain't": 'is' }

/**
 * The words of an English contraction: "can't" → can not, "isn't" → is not, "what's" → what is, "i'd" → i,
 * "bank's" → bank. The negation is kept ("I can't log in" is not "I can log in"); the other halves are
 * function words that the stop list drops anyway, so only the first word is kept for them.
 */
export function expandContraction(word: string): string[] {
  const m = /^([a-z]+)'([a-z]{1,2})$/.exec(word)
  if (!m) return [word]
  const irregular = NEGATIVES[word]
  if (irregular !== undefined) return [irregular, 'not']
  if (m[2] === 't' && m[1]!.endsWith('n')) return [m[1]!.slice(0, -1), 'not']
  return [m[1]!]
}

/** Splits text into tokens; build one per knowledge base (the dictionary is compiled once). */
export class Tokenizer {
  /** Dictionary terms by first character, longest first, for greedy longest-match. */
  private readonly byFirst = new Map<string, string[]>()

  constructor(dictionary: readonly string[] = []) {
    for (const raw of dictionary) {
      const term = normalize(raw).trim()
      if (term.length < 2) continue
      const list = this.byFirst.get(term[0]!) ?? []
      list.push(term)
      this.byFirst.set(term[0]!, list)
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length)
  }

  /** Tokens of `text` in order, with repeats (documents count term frequency). */
  tokenize(text: string, lang?: Lang): Token[] {
    const norm = normalize(text)
    const units = this.units(norm, lang ?? detectLang(norm, 'en'))
    const out: Token[] = []
    for (const u of units) {
      for (const word of expandContraction(u.text)) {
        const term = /^[a-z]+$/.test(word) ? (EN_STOP.has(word) ? '' : stem(word)) : word
        if (term !== '' && !ZH_STOP.has(term) && !ZH_FUNCTION.has(term)) {
          out.push({ term, kind: 'word' })
        }
      }
    }
    this.bigrams(norm, units, out)
    return out
  }

  /** Query form: each distinct term with its weight (the larger one when a term is both a word and a bigram). */
  weighted(text: string, lang?: Lang): Map<string, number> {
    const q = new Map<string, number>()
    for (const t of this.tokenize(text, lang)) {
      const w = t.kind === 'word' ? 1 : BIGRAM_WEIGHT
      if ((q.get(t.term) ?? 0) < w) q.set(t.term, w)
    }
    return q
  }

  /** Word-like segments, with dictionary terms replacing the pieces the segmenter cut them into. */
  private units(norm: string, lang: Lang): Unit[] {
    const matches = this.dictionaryMatches(norm)
    const units: Unit[] = []
    let m = 0
    for (const s of segmenter(lang).segment(norm)) {
      if (!s.isWordLike) continue
      const start = s.index
      const end = start + s.segment.length
      while (m < matches.length && matches[m]!.end <= start) units.push(matches[m++]!)
      const d = matches[m]
      // a segment inside a dictionary term is one of its pieces: the term itself stands for it
      if (d && start >= d.start && end <= d.end) continue
      units.push({ start, end, text: s.segment })
    }
    while (m < matches.length) units.push(matches[m++]!)
    return units.sort((a, b) => a.start - b.start)
  }

  /** Non-overlapping dictionary occurrences, leftmost-longest; Latin-edged terms only at word boundaries. */
  private dictionaryMatches(norm: string): Unit[] {
    const found: Unit[] = []
    if (this.byFirst.size === 0) return found
    for (let i = 0; i < norm.length;) {
      const term = this.byFirst.get(norm[i]!)?.find((t) => norm.startsWith(t, i) && this.bounded(norm, i, t))
      if (term === undefined) {
        i++
        continue
      }
      found.push({ start: i, end: i + term.length, text: term })
      i += term.length
    }
    return found
  }

  private bounded(norm: string, i: number, term: string): boolean {
    const before = norm[i - 1]
    const after = norm[i + term.length]
    if (LATIN_EDGE.test(term[0]!) && before !== undefined && LATIN_EDGE.test(before)) return false
    if (LATIN_EDGE.test(term[term.length - 1]!) && after !== undefined && LATIN_EDGE.test(after)) return false
    return true
  }

  /**
   * CJK character bigrams, only where they add something: inside words of three or more characters (so 信用卡
   * also matches 信用) and between two one-character segments, which is where ICU cut up a word it did not know
   * (测|评 → 测评, 限|额 → 限额). A bigram across longer words (基金|风险 → 金风, 我想|做 → 想做) would be noise
   * that dilutes the coverage measure, and one with a lone function character (额|是 → 额是) likewise.
   */
  private bigrams(norm: string, units: Unit[], out: Token[]): void {
    for (let u = 0; u < units.length; u++) {
      const a = units[u]!
      for (let i = a.start; i + 1 < a.end; i++) {
        if (a.end - a.start >= 3) this.pushBigram(norm, i, out)
      }
      const b = units[u + 1]
      if (!b || b.start !== a.end || !isHan(norm[a.end - 1]) || !isHan(norm[b.start])) continue
      if (a.end - a.start !== 1 || b.end - b.start !== 1) continue
      if (!ZH_FUNCTION.has(a.text) && !ZH_FUNCTION.has(b.text)) this.pushBigram(norm, a.start, out)
    }
  }

  private pushBigram(norm: string, i: number, out: Token[]): void {
    const x = norm[i]!
    const y = norm[i + 1]!
    if (!isHan(x) || !isHan(y) || ZH_PARTICLES.has(x) || ZH_PARTICLES.has(y)) return
    const term = x + y
    if (!ZH_STOP.has(term)) out.push({ term, kind: 'bigram' })
  }
}

import type { Lang } from '../../i18nLangs.ts'
import { englishNumberWords, englishWordVisemes } from './en.ts'
import { isVowelViseme, type Viseme, type VisemeTimeline } from './visemes.ts'
import { hanziSyllables, INITIAL_SHARE, zhNumberSyllables, type SyllableVisemes } from './zh.ts'

/**
 * Speaking-rate estimates (rate 1), in seconds. Mandarin runs at about 4.5 syllables a second.
 * English words take the sum of their visemes, vowels longer than consonants; with these values
 * ordinary prose comes out near 2.6 words a second (checked in the tests).
 */
export const TIMING = {
  zhSyllable: 1 / 4.5,
  enVowel: 0.13,
  enConsonant: 0.075,
  /** Comma, enumeration comma, semicolon, colon, dash. */
  shortPause: 0.15,
  /** Full stop, question and exclamation marks, ellipsis, line break. */
  longPause: 0.3,
  /** Cross-fade into the next viseme over the last part of each one (see `visemeAt`). */
  blend: 0.06,
} as const

const HAN = /\p{Script=Han}+/uy
const NUMBER = /\d+(?:[.,]\d+)*%?/y
const WORD = /[A-Za-z]+(?:'[A-Za-z]+)*/y
const LONG_PAUSE = /[。．.!?！？…\n]/y
const SHORT_PAUSE = /[，,、;；:：—–]/y

/** Accumulates visemes; consecutive pauses merge into the longest of them. */
class TimelineBuilder {
  readonly tl: VisemeTimeline = { visemes: [], times: [], durations: [], words: [], total: 0 }
  private t = 0

  constructor(private readonly rate: number) {}

  push(v: Viseme, seconds: number): void {
    const d = seconds / this.rate
    if (d <= 0) return
    const { visemes, times, durations } = this.tl
    const last = visemes.length - 1
    if (v === 'sil' && visemes[last] === 'sil') {
      const grown = Math.max(durations[last]!, d)
      this.t += grown - durations[last]!
      durations[last] = grown
      return
    }
    visemes.push(v)
    times.push(this.t)
    durations.push(d)
    this.t += d
  }

  word(charIndex: number, charLength: number): void {
    this.tl.words.push({ charIndex, charLength, time: this.t })
  }

  syllable(s: SyllableVisemes): void {
    const d = TIMING.zhSyllable
    const rest = s.initial ? d * (1 - INITIAL_SHARE) : d
    if (s.initial) this.push(s.initial, d * INITIAL_SHARE)
    const sum = s.final.reduce((a, [, w]) => a + w, 0)
    for (const [v, w] of s.final) this.push(v, (rest * w) / sum)
  }

  englishWord(vs: Viseme[]): void {
    for (const v of vs) this.push(v, isVowelViseme(v) ? TIMING.enVowel : TIMING.enConsonant)
  }

  finish(): VisemeTimeline {
    const { tl } = this
    if (tl.visemes[tl.visemes.length - 1] !== 'sil') {
      tl.visemes.push('sil')
      tl.times.push(this.t)
      tl.durations.push(0)
    }
    tl.total = this.t
    return tl
  }
}

/**
 * Estimates when each viseme of `text` is spoken. Chinese characters are read through pinyin,
 * Latin words by English rules (in either language), numbers digit by digit in `lang`
 * (see zh.ts and en.ts), and punctuation becomes silence: 0.15 s for a comma, 0.3 s for a full
 * stop. Other characters (spaces, quotes, brackets, emoji) take no time. `rate` scales the speed
 * like `SpeechSynthesisUtterance.rate`. The timeline always ends on `sil`; empty text gives `sil` only.
 *
 * @example
 * visemeTimeline('你好', 'zh-CN').visemes // ['nn', 'I', 'kk', 'aa', 'O', 'sil']
 */
export function visemeTimeline(text: string, lang: Lang, opts: { rate?: number } = {}): VisemeTimeline {
  const b = new TimelineBuilder(Math.min(4, Math.max(0.25, opts.rate ?? 1)))
  let i = 0
  while (i < text.length) {
    const han = match(HAN, text, i)
    if (han) {
      for (const s of hanziSyllables(han)) {
        b.word(i + s.offset, s.length)
        b.syllable(s.syllable)
      }
      i += han.length
      continue
    }
    const num = match(NUMBER, text, i)
    if (num) {
      b.word(i, num.length)
      if (lang === 'zh-CN') for (const s of zhNumberSyllables(num)) b.syllable(s)
      else for (const w of englishNumberWords(num)) b.englishWord(w)
      i += num.length
      continue
    }
    const word = match(WORD, text, i)
    if (word) {
      const vs = englishWordVisemes(word)
      if (vs.length > 0) b.word(i, word.length)
      b.englishWord(vs)
      i += word.length
      continue
    }
    if (match(LONG_PAUSE, text, i)) b.push('sil', TIMING.longPause)
    else if (match(SHORT_PAUSE, text, i)) b.push('sil', TIMING.shortPause)
    i += text.codePointAt(i)! > 0xffff ? 2 : 1
  }
  return b.finish()
}

function match(re: RegExp, text: string, at: number): string | undefined {
  re.lastIndex = at
  return re.exec(text)?.[0]
}

/** The viseme at one moment: the current shape, the next one and how far to blend into it (0–1). */
export interface VisemeFrame {
  viseme: Viseme
  next: Viseme
  blend: number
  /** Index into the timeline, -1 before it starts. */
  index: number
}

/**
 * The viseme at `t` seconds into `tl`, with a smooth cross-fade (over the last `TIMING.blend`
 * seconds, at most half the viseme) into the next one. Before the start and after the end the
 * mouth rests (`sil`). Pass `out` to reuse an object in a render loop.
 */
export function visemeAt(
  tl: VisemeTimeline,
  t: number,
  out: VisemeFrame = { viseme: 'sil', next: 'sil', blend: 0, index: -1 },
): VisemeFrame {
  const { visemes, times, durations } = tl
  out.blend = 0
  if (!(t >= 0) || visemes.length === 0) {
    out.viseme = 'sil'
    out.next = visemes[0] ?? 'sil'
    out.index = -1
    return out
  }
  if (t >= tl.total) {
    out.viseme = 'sil'
    out.next = 'sil'
    out.index = visemes.length - 1
    return out
  }
  const i = lastAtOrBefore(times, t)
  const d = durations[i]!
  const fade = Math.min(TIMING.blend, d / 2)
  const x = fade > 0 ? (t - (times[i]! + d - fade)) / fade : 0
  out.index = i
  out.viseme = visemes[i]!
  out.next = visemes[i + 1] ?? 'sil'
  out.blend = x <= 0 ? 0 : x >= 1 ? 1 : x * x * (3 - 2 * x)
  return out
}

/**
 * Timeline time of the word a speech `boundary` event points at (`charIndex` into the spoken
 * text): the start of the last word beginning at or before it, 0 before the first word.
 */
export function timeAtChar(tl: VisemeTimeline, charIndex: number): number {
  const { words } = tl
  if (words.length === 0 || charIndex < words[0]!.charIndex) return 0
  let lo = 0
  let hi = words.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (words[mid]!.charIndex <= charIndex) lo = mid
    else hi = mid - 1
  }
  return words[lo]!.time
}

/** Largest i with xs[i] <= t (xs ascending, xs[0] <= t). */
function lastAtOrBefore(xs: number[], t: number): number {
  let lo = 0
  let hi = xs.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (xs[mid]! <= t) lo = mid
    else hi = mid - 1
  }
  return lo
}

import { pinyin } from 'pinyin-pro'

import type { Viseme } from './visemes.ts'

/**
 * Mandarin → visemes through pinyin (digital-human.md §4). Each syllable gets an initial viseme
 * (a short slice, `INITIAL_SHARE` of the syllable) and one to three final visemes for the rest.
 *
 * Choices:
 * - Initials: b p m → PP; f → FF; d t → DD; n l → nn; g k h → kk; j q x zh ch sh → CH; r → RR;
 *   z c s → SS. The zero initials y and w take no slice of their own: they are restored to the
 *   medial they spell (ya → ia, wang → uang, yu → ü) and the finals table below gives the glide.
 * - Finals, by their full spelling (with medials): a → aa; o, uo → O; e, ê → E; i and the
 *   "empty" -i of zi/zhi/ri → I; u → U; ü → U (no rounded-front viseme exists); er → E (a retroflex
 *   schwa: the jaw position of E reads better than RR at this size); an, ang → aa; en, eng → E;
 *   in, ing → I; ong → O; ou → O. Diphthongs keep both shapes: ai → aa I, ei → E I, ao → aa O.
 *   Medials add a short glide: ia → I aa, ie → I E, ian → I E (it is said [iɛn]), iang → I aa,
 *   iao → I aa O, iu (iou) → I O, iong → I O, ua/uan/uang → U aa, uai → U aa I, ui (uei) → U I,
 *   un (uen) → U E, ueng → U E, üe → U E, üan → U E, ün → U. Nasal codas -n/-ng show no shape.
 */

/** Share of a syllable taken by its initial consonant. */
export const INITIAL_SHARE = 0.3

/** A syllable's visemes: an optional initial and the final's visemes with their relative weights. */
export interface SyllableVisemes {
  initial?: Viseme
  final: [Viseme, number][]
}

const INITIALS: Record<string, Viseme> = {
  b: 'PP',
  p: 'PP',
  m: 'PP',
  f: 'FF',
  d: 'DD',
  t: 'DD',
  n: 'nn',
  l: 'nn',
  g: 'kk',
  k: 'kk',
  h: 'kk',
  j: 'CH',
  q: 'CH',
  x: 'CH',
  zh: 'CH',
  ch: 'CH',
  sh: 'CH',
  r: 'RR',
  z: 'SS',
  c: 'SS',
  s: 'SS',
}

/** Finals by full spelling (ü written v); the numbers are relative durations within the final. */
const FINALS: Record<string, [Viseme, number][]> = {
  a: [['aa', 1]],
  o: [['O', 1]],
  e: [['E', 1]],
  ê: [['E', 1]],
  er: [['E', 1]],
  i: [['I', 1]],
  u: [['U', 1]],
  v: [['U', 1]],
  ai: [
    ['aa', 6],
    ['I', 4],
  ],
  ei: [
    ['E', 6],
    ['I', 4],
  ],
  ao: [
    ['aa', 6],
    ['O', 4],
  ],
  ou: [['O', 1]],
  an: [['aa', 1]],
  ang: [['aa', 1]],
  en: [['E', 1]],
  eng: [['E', 1]],
  in: [['I', 1]],
  ing: [['I', 1]],
  ong: [['O', 1]],
  ia: glide('I', 'aa'),
  ie: glide('I', 'E'),
  ian: glide('I', 'E'),
  iang: glide('I', 'aa'),
  iao: [
    ['I', 25],
    ['aa', 45],
    ['O', 30],
  ],
  iu: glide('I', 'O'),
  iou: glide('I', 'O'),
  iong: glide('I', 'O'),
  ua: glide('U', 'aa'),
  uan: glide('U', 'aa'),
  uang: glide('U', 'aa'),
  uai: [
    ['U', 25],
    ['aa', 45],
    ['I', 30],
  ],
  uo: [['O', 1]],
  ui: glide('U', 'I'),
  uei: glide('U', 'I'),
  un: glide('U', 'E'),
  uen: glide('U', 'E'),
  ueng: glide('U', 'E'),
  ve: glide('U', 'E'),
  van: glide('U', 'E'),
  vn: [['U', 1]],
}

function glide(medial: Viseme, nucleus: Viseme): [Viseme, number][] {
  return [
    [medial, 3],
    [nucleus, 7],
  ]
}

/** Normalises pinyin-pro's spelling: ü → v, and u after j q x y (which is ü) → v. */
function fullFinal(initial: string, final: string): string {
  let f = final.replace(/ü/g, 'v')
  if ((initial === 'j' || initial === 'q' || initial === 'x' || initial === 'y') && f.startsWith('u')) {
    f = 'v' + f.slice(1)
  }
  if (initial === 'y') {
    // yi, yin, ying, yu… already start with the medial; ya, ye, yao, you… need it back
    if (!f.startsWith('i') && !f.startsWith('v')) f = 'i' + f
  } else if (initial === 'w') {
    if (f === 'o') f = 'uo'
    else if (!f.startsWith('u')) f = 'u' + f
  }
  return f
}

/** Visemes of one pinyin syllable given as pinyin-pro's initial and final (toneless). */
export function syllableVisemes(initial: string, final: string): SyllableVisemes {
  const full = fullFinal(initial, final)
  const vis = FINALS[full] ?? fallbackFinal(full)
  const init = INITIALS[initial]
  return init ? { initial: init, final: vis } : { final: vis }
}

/** Unknown spellings (interjections like hm, ng): the first vowel's shape, else a neutral E. */
function fallbackFinal(f: string): [Viseme, number][] {
  const m = /[aoeiuv]/.exec(f)
  const v: Viseme = !m ? 'E' : m[0] === 'a' ? 'aa' : m[0] === 'o' ? 'O' : m[0] === 'i' ? 'I' : m[0] === 'e' ? 'E' : 'U'
  return [[v, 1]]
}

/** One Chinese character with its reading. */
export interface HanziSyllable {
  /** UTF-16 offset of the character in the run passed to `hanziSyllables`. */
  offset: number
  length: number
  syllable: SyllableVisemes
}

/** Readings of a run of Chinese characters (converted together, so pinyin-pro sees the words). */
export function hanziSyllables(run: string): HanziSyllable[] {
  const out: HanziSyllable[] = []
  let offset = 0
  for (const c of pinyin(run, { type: 'all', toneType: 'none' })) {
    const length = c.origin.length
    if (c.isZh && c.final) out.push({ offset, length, syllable: syllableVisemes(c.initial, c.final) })
    offset += length
  }
  return out
}

/**
 * Digits inside Chinese text are read one by one as Chinese numerals (2024 → 二零二四); a decimal
 * point is read 点 and a percent sign 百分之. A number such as 100 is thus read "一零零" rather
 * than "一百": the syllable count is close enough for the lips, and the rule stays predictable.
 */
const ZH_DIGITS: Record<string, [string, string][]> = {
  '0': [['l', 'ing']],
  '1': [['y', 'i']],
  '2': [['', 'er']],
  '3': [['s', 'an']],
  '4': [['s', 'i']],
  '5': [['w', 'u']],
  '6': [['l', 'iu']],
  '7': [['q', 'i']],
  '8': [['b', 'a']],
  '9': [['j', 'iu']],
  '.': [['d', 'ian']],
  '%': [
    ['b', 'ai'],
    ['f', 'en'],
    ['zh', 'i'],
  ],
}

/** Syllables for a number written with digits (and optional `.` and `%`) in Chinese text. */
export function zhNumberSyllables(num: string): SyllableVisemes[] {
  const out: SyllableVisemes[] = []
  for (const ch of num) for (const [i, f] of ZH_DIGITS[ch] ?? []) out.push(syllableVisemes(i, f))
  return out
}

import type { Viseme } from './visemes.ts'

/**
 * English → visemes by rule (about 80% right, like TalkingHead's rule-based module; a
 * pronouncing dictionary would be ~5 MB). A word is lower-cased and read left to right, trying
 * the longest grapheme first:
 *
 * - Word starts: kn → nn, wr → RR, ps → SS, wh → U (the rounded w of "what").
 * - Consonant groups: tch, ch, sh → CH; th → TH; ph → FF; ng → kk (a velar, like g); ck → kk;
 *   qu → kk U; x → kk SS; gh → nothing (night, though); mb at the end → PP (climb).
 * - Single consonants: b p m → PP; f v → FF; t d → DD; k q → kk; c → SS before e, i, y, else kk;
 *   g → CH before e, i, y, else kk (wrong for get/give, right for gem/age); j → CH; s z → SS;
 *   n l → nn; r → RR; w → U; y → I; h → nothing (the next vowel already opens the mouth).
 * - Vowel groups: ee, ea, ie, ey → I; ai, ay, ei → E I; oa, oe → O; oo, ew, ue → U; ou, ow → aa U;
 *   au, aw → O; oi, oy → O I.
 * - Single vowels: a → aa, e → E, i → I, o → O, u → U.
 * - A silent final e is dropped when another vowel comes earlier and a consonant precedes it
 *   (make, time; but "the", "be" keep it). Double letters count once (ll, ss, tt).
 * - Consecutive equal visemes merge.
 * - About twenty frequent words the rules get wrong (you, to, of, one, was…) are listed as such.
 *
 * All-capital words of up to five letters are spelled out letter by letter (ATM → E I, DD I, E PP),
 * as a speaker reads an acronym; so is a capital I (→ aa I, which is right) or A (→ E I).
 */

const SINGLE: Record<string, Viseme[]> = {
  a: ['aa'],
  e: ['E'],
  i: ['I'],
  o: ['O'],
  u: ['U'],
  b: ['PP'],
  p: ['PP'],
  m: ['PP'],
  f: ['FF'],
  v: ['FF'],
  t: ['DD'],
  d: ['DD'],
  k: ['kk'],
  q: ['kk'],
  j: ['CH'],
  s: ['SS'],
  z: ['SS'],
  n: ['nn'],
  l: ['nn'],
  r: ['RR'],
  w: ['U'],
  y: ['I'],
  x: ['kk', 'SS'],
  h: [],
}

/** Groups read as one sound, longest first within each length. */
const GROUPS: [string, Viseme[]][] = [
  ['tch', ['CH']],
  ['sch', ['SS', 'kk']],
  ['ch', ['CH']],
  ['sh', ['CH']],
  ['th', ['TH']],
  ['ph', ['FF']],
  ['ng', ['kk']],
  ['ck', ['kk']],
  ['qu', ['kk', 'U']],
  ['gh', []],
  ['ee', ['I']],
  ['ea', ['I']],
  ['ie', ['I']],
  ['ey', ['I']],
  ['ai', ['E', 'I']],
  ['ay', ['E', 'I']],
  ['ei', ['E', 'I']],
  ['oa', ['O']],
  ['oe', ['O']],
  ['oo', ['U']],
  ['ew', ['U']],
  ['ue', ['U']],
  ['ou', ['aa', 'U']],
  ['ow', ['aa', 'U']],
  ['au', ['O']],
  ['aw', ['O']],
  ['oi', ['O', 'I']],
  ['oy', ['O', 'I']],
]

const STARTS: [string, Viseme[]][] = [
  ['kn', ['nn']],
  ['wr', ['RR']],
  ['ps', ['SS']],
  ['wh', ['U']],
]

const LETTER_NAMES: Record<string, Viseme[]> = {
  a: ['E', 'I'],
  b: ['PP', 'I'],
  c: ['SS', 'I'],
  d: ['DD', 'I'],
  e: ['I'],
  f: ['E', 'FF'],
  g: ['CH', 'I'],
  h: ['E', 'CH'],
  i: ['aa', 'I'],
  j: ['CH', 'E', 'I'],
  k: ['kk', 'E', 'I'],
  l: ['E', 'nn'],
  m: ['E', 'PP'],
  n: ['E', 'nn'],
  o: ['O', 'U'],
  p: ['PP', 'I'],
  q: ['kk', 'I', 'U'],
  r: ['aa', 'RR'],
  s: ['E', 'SS'],
  t: ['DD', 'I'],
  u: ['I', 'U'],
  v: ['FF', 'I'],
  w: ['DD', 'aa', 'U'],
  x: ['E', 'kk', 'SS'],
  y: ['U', 'aa', 'I'],
  z: ['SS', 'I'],
}

/** Frequent words the rules get wrong. */
const EXCEPTIONS: Record<string, Viseme[]> = {
  a: ['E'],
  are: ['aa', 'RR'],
  been: ['PP', 'I', 'nn'],
  do: ['DD', 'U'],
  does: ['DD', 'aa', 'SS'],
  give: ['kk', 'I', 'FF'],
  get: ['kk', 'E', 'DD'],
  have: ['aa', 'FF'],
  is: ['I', 'SS'],
  of: ['aa', 'FF'],
  one: ['U', 'aa', 'nn'],
  said: ['SS', 'E', 'DD'],
  some: ['SS', 'aa', 'PP'],
  come: ['kk', 'aa', 'PP'],
  there: ['TH', 'E', 'RR'],
  they: ['TH', 'E', 'I'],
  to: ['DD', 'U'],
  two: ['DD', 'U'],
  was: ['U', 'aa', 'SS'],
  what: ['U', 'aa', 'DD'],
  where: ['U', 'E', 'RR'],
  who: ['U'],
  you: ['I', 'U'],
  your: ['I', 'O', 'RR'],
}

const VOWELS = 'aeiouy'
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.includes(c)

/** Whether a word is read letter by letter (ATM, R, KYC). */
export function isSpelled(word: string): boolean {
  return /^[A-Z]{1,5}$/.test(word)
}

/** Visemes of one English word (letters and apostrophes only). */
export function englishWordVisemes(word: string): Viseme[] {
  const letters = word.replace(/[^A-Za-z]/g, '')
  if (!letters) return []
  if (isSpelled(letters)) return merge([...letters.toLowerCase()].flatMap((c) => LETTER_NAMES[c] ?? []))
  let w = letters.toLowerCase()
  const known = EXCEPTIONS[w]
  if (known) return known.slice()
  // silent final e: make, time, rule (another vowel earlier, a consonant before the e)
  if (w.length > 2 && w.endsWith('e') && !isVowel(w[w.length - 2]) && /[aeiouy]/.test(w.slice(0, -2))) {
    w = w.slice(0, -1)
  }
  // double consonants count once
  w = w.replace(/([^aeiou])\1/g, '$1')
  const out: Viseme[] = []
  let i = 0
  if (w.endsWith('mb')) w = w.slice(0, -1)
  for (const [g, v] of STARTS) {
    if (w.startsWith(g)) {
      out.push(...v)
      i = g.length
      break
    }
  }
  while (i < w.length) {
    const group = GROUPS.find(([g]) => w.startsWith(g, i))
    if (group) {
      out.push(...group[1])
      i += group[0].length
      continue
    }
    const c = w[i]!
    const next = w[i + 1]
    if (c === 'c') out.push(next === 'e' || next === 'i' || next === 'y' ? 'SS' : 'kk')
    else if (c === 'g') out.push(next === 'e' || next === 'i' || next === 'y' ? 'CH' : 'kk')
    else out.push(...(SINGLE[c] ?? []))
    i++
  }
  return merge(out)
}

/** Drops repeats of the same viseme in a row. */
function merge(vs: Viseme[]): Viseme[] {
  return vs.filter((v, i) => i === 0 || vs[i - 1] !== v)
}

const EN_DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']

/**
 * A number in English text, read digit by digit ("2024" → two zero two four; "." → point,
 * "%" → percent), one viseme list per spoken word. As in Chinese, the word count is close enough.
 */
export function englishNumberWords(num: string): Viseme[][] {
  const out: Viseme[][] = []
  for (const ch of num) {
    const word = ch === '.' ? 'point' : ch === '%' ? 'percent' : EN_DIGITS[Number(ch)]
    if (word) out.push(englishWordVisemes(word))
  }
  return out
}

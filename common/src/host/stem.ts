/**
 * English word normalisation for retrieval: British spellings folded to American ones, then the Porter stemmer
 * (M. F. Porter, "An algorithm for suffix stripping", 1980: steps 1a–5b), so that "opening", "opened" and
 * "opens" meet "open", "charges" meets "charge", "cancellation" meets "cancelled" and "canceled", and "organise"
 * meets "organization". What matters is that the index and the query are treated alike, not that the stems are
 * real words ("charg", "replac"). Porter conflates a little more than a light stemmer ("general" and "generous"
 * both become "gener"); on the knowledge base's own questions (bench/host/eval.ts) it still finds more right
 * entries, since visitors use other forms of the entries' words far more often than such look-alikes.
 */

/** Whole words spelt differently in British and American English (and a few common variants). */
const WORDS: Record<string, string> = {
  cheque: 'check',
  cheques: 'checks',
  chequebook: 'checkbook',
  chequebooks: 'checkbooks',
  adviser: 'advisor',
  advisers: 'advisors',
  centre: 'center',
  centres: 'centers',
  licence: 'license',
  licences: 'licenses',
  defence: 'defense',
  offence: 'offense',
  programme: 'program',
  programmes: 'programs',
  catalogue: 'catalog',
  dialogue: 'dialog',
  enrol: 'enroll',
  enrols: 'enrolls',
  enrolment: 'enrollment',
  instalment: 'installment',
  instalments: 'installments',
  fulfil: 'fulfill',
  judgement: 'judgment',
  ageing: 'aging',
  mum: 'mom',
  grey: 'gray',
  cosy: 'cozy',
  practise: 'practice',
  tyre: 'tire',
  pyjamas: 'pajamas',
  aluminium: 'aluminum',
  email: 'mail',
  emails: 'mail',
  cellphone: 'phone',
  smartphone: 'phone',
}

/** -our words whose American form is -or (colour, favour…); "four", "hour", "your" and "tour" are not. */
const OUR = /^(?:colo|favo|hono|behavio|labo|neighbo|rumo|savo|flavo|harbo|humo|vapo|endeavo|armo|odo|clamo|vigo)ur/

/** British → American spelling, for whole words and regular patterns. */
export function americanize(word: string): string {
  const whole = WORDS[word]
  if (whole !== undefined) return whole
  let w = word
  if (OUR.test(w)) w = w.replace(/our/, 'or')
  // -ise/-isation → -ize/-ization (organise, realised, authorisation); short words (rise, wise) stay as they are
  const m = /^(.{3,})is(e|es|ed|ing|er|ers|ation|ations)$/.exec(w)
  if (m && !/(?:vis|cis|wis|pris|rais|nois|pois|prais|promis|premis|exercis|cruis|bruis)$/.test(m[1]! + 'is')) {
    w = `${m[1]}iz${m[2]}`
  }
  // -tre → -ter (centre, metre, theatre), not "entre" or "genre"
  if (/^(?:cen|me|thea|li|fib)tres?$/.test(w)) w = w.replace(/tre(s?)$/, 'ter$1')
  return w
}

const isCons = (w: string, i: number): boolean => {
  const c = w[i]!
  if ('aeiou'.includes(c)) return false
  if (c === 'y') return i === 0 || !isCons(w, i - 1)
  return true
}

/** Porter's m: the number of vowel–consonant sequences in `w`. */
function measure(w: string): number {
  let m = 0
  let i = 0
  const n = w.length
  while (i < n && isCons(w, i)) i++
  while (i < n) {
    while (i < n && !isCons(w, i)) i++
    if (i >= n) break
    m++
    while (i < n && isCons(w, i)) i++
  }
  return m
}

const hasVowel = (w: string): boolean => {
  for (let i = 0; i < w.length; i++) if (!isCons(w, i)) return true
  return false
}
const doubleCons = (w: string): boolean =>
  w.length >= 2 && w[w.length - 1] === w[w.length - 2] && isCons(w, w.length - 1)
/** *o: consonant–vowel–consonant at the end, the last not w, x or y. */
const cvc = (w: string): boolean => {
  const n = w.length
  if (n < 3 || !isCons(w, n - 1) || isCons(w, n - 2) || !isCons(w, n - 3)) return false
  return !'wxy'.includes(w[n - 1]!)
}

/** Replaces the first suffix in `rules` that ends `w` when the rest has m > `min`. */
function replace(w: string, rules: readonly (readonly [string, string])[], min: number): string {
  for (const [suffix, by] of rules) {
    if (!w.endsWith(suffix)) continue
    const stem = w.slice(0, -suffix.length)
    return measure(stem) > min ? stem + by : w
  }
  return w
}

const STEP2: readonly (readonly [string, string])[] = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['bli', 'ble'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['logi', 'log'],
]
const STEP3: readonly (readonly [string, string])[] = [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
]
const STEP4 = [
  'al',
  'ance',
  'ence',
  'er',
  'ic',
  'able',
  'ible',
  'ant',
  'ement',
  'ment',
  'ent',
  'ion',
  'ou',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
]

/** Porter stemmer (the original algorithm, with the published "logi" and "bli" departures). */
export function porter(word: string): string {
  let w = word
  if (w.length <= 2) return w
  // 1a
  if (w.endsWith('sses') || w.endsWith('ies')) w = w.slice(0, -2)
  // -ss (access), -us (bonus, status) and -is (analysis) are not plurals (a departure from Porter, who cuts them)
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1)
  // 1b
  if (w.endsWith('eed')) {
    if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1)
  } else {
    const suffix = w.endsWith('ed') ? 'ed' : w.endsWith('ing') ? 'ing' : ''
    const stem = suffix ? w.slice(0, -suffix.length) : ''
    if (suffix && hasVowel(stem)) {
      w = stem
      if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e'
      else if (doubleCons(w) && !'lsz'.includes(w[w.length - 1]!)) w = w.slice(0, -1)
      else if (measure(w) === 1 && cvc(w)) w += 'e'
    }
  }
  // 1c
  if (w.endsWith('y') && hasVowel(w.slice(0, -1))) w = w.slice(0, -1) + 'i'
  w = replace(w, STEP2, 0)
  w = replace(w, STEP3, 0)
  // 4
  for (const suffix of STEP4) {
    if (!w.endsWith(suffix)) continue
    const stem = w.slice(0, -suffix.length)
    if (measure(stem) > 1 && (suffix !== 'ion' || /[st]$/.test(stem))) w = stem
    break
  }
  // 5a
  if (w.endsWith('e')) {
    const stem = w.slice(0, -1)
    const m = measure(stem)
    if (m > 1 || (m === 1 && !cvc(stem))) w = stem
  }
  // 5b
  if (measure(w) > 1 && doubleCons(w) && w.endsWith('l')) w = w.slice(0, -1)
  return w
}

/** Stems one lowercase English word; other tokens (digits, codes such as "r3") pass through unchanged. */
export function stem(word: string): string {
  if (!/^[a-z]+$/.test(word)) return word
  let s = cache.get(word)
  if (s === undefined) {
    s = porter(americanize(word))
    // a vocabulary is a few thousand words; the bound only guards against unbounded visitor input
    if (cache.size < 50_000) cache.set(word, s)
  }
  return s
}

/** Stems by word: indexing sees the same words again and again. */
const cache = new Map<string, string>()

/**
 * The 15 Oculus visemes (digital-human.md §2), in the order of the `viseme_*` shape keys that
 * Ready Player Me and TalkingHead avatars carry, so the same driver works with a GLB later.
 */
export const VISEMES = ['sil', 'PP', 'FF', 'TH', 'DD', 'kk', 'CH', 'SS', 'nn', 'RR', 'aa', 'E', 'I', 'O', 'U'] as const
export type Viseme = (typeof VISEMES)[number]

/** Index of each viseme in `VISEMES` (for typed arrays of weights). */
export const VISEME_INDEX: Readonly<Record<Viseme, number>> = Object.fromEntries(
  VISEMES.map((v, i) => [v, i]),
) as Record<Viseme, number>

/** Vowel visemes: they carry the syllable nucleus and last longer than consonants. */
export function isVowelViseme(v: Viseme): boolean {
  return v === 'aa' || v === 'E' || v === 'I' || v === 'O' || v === 'U'
}

/**
 * An estimated viseme timeline for one utterance, in seconds from its start.
 * `visemes[i]` starts at `times[i]` and lasts `durations[i]`; `words` marks where each word (or
 * Chinese character) starts, so that a speech `boundary` event (which reports a `charIndex` into
 * the spoken text) can re-sync the clock. `total` is the estimated length of the whole utterance.
 */
export interface VisemeTimeline {
  visemes: Viseme[]
  times: number[]
  durations: number[]
  words: { charIndex: number; charLength: number; time: number }[]
  total: number
}

/**
 * Which language a visitor wrote in. The branch speaks zh-CN and en only, so detection is a vote between Han
 * characters and Latin words rather than a general language identifier (franc and the like need far more text
 * than a one-line question).
 */
import type { Lang } from '../i18nLangs.ts'

/** Han ideographs (CJK Unified Ideographs, extension A and the compatibility block). */
export const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u
const HAN_ALL = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/gu
const LATIN_WORD = /[a-z]+/giu

/** Counts of Han characters and Latin words in a text. */
export function scriptCounts(text: string): { han: number; latinWords: number } {
  return { han: text.match(HAN_ALL)?.length ?? 0, latinWords: text.match(LATIN_WORD)?.length ?? 0 }
}

/**
 * The language of `text`, or `fallback` when it has no letters at all ("123", "?").
 *
 * One Han character is weighed against one Latin word: a Chinese word is one to three characters, so this leans
 * towards Chinese for mixed lines such as "ETF 和 REITs 有什么区别" (a Chinese sentence around product codes), and
 * towards English for "Is the Beijing branch (北京) open?" (an English sentence around a name). Ties go to Chinese,
 * since a Chinese writer is more likely to sprinkle English terms than the reverse.
 */
export function detectLang(text: string, fallback: Lang): Lang {
  const { han, latinWords } = scriptCounts(text)
  if (han === 0 && latinWords === 0) return fallback
  return han >= latinWords ? 'zh-CN' : 'en'
}

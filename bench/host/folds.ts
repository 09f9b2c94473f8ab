import type { KnowledgeBase } from '../../common/src/host/knowledge.ts'
import type { Lang } from '../../common/src/i18nLangs.ts'

const LANGS: Lang[] = ['zh-CN', 'en']

/** A question taken out of its entry, to be asked of an index built without it. */
export interface HeldQuestion {
  q: string
  id: string
  lang: Lang
}

/**
 * One fold of a k-fold split over the entries' own questions: every `folds`-th question (never an entry's
 * first one in a language, so each entry stays findable) is removed. Returns the reduced entries and the
 * removed questions.
 */
export function ownQuestionFold(
  kb: KnowledgeBase,
  folds: number,
  fold: number,
): { entries: KnowledgeBase['entries']; asked: HeldQuestion[] } {
  let n = 0
  const asked: HeldQuestion[] = []
  const entries = kb.entries.map((e) => {
    const copy = structuredClone(e)
    for (const lang of LANGS) {
      copy[lang].questions = e[lang].questions.filter((q, i) => {
        const out = i > 0 && n++ % folds === fold
        if (out) asked.push({ q, id: e.id, lang })
        return !out
      })
    }
    return copy
  })
  return { entries, asked }
}

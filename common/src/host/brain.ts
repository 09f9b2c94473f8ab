/**
 * The digital host's brain: visitor words in, a HostReply out. Pure and synchronous (an LLM may rephrase the
 * reply afterwards, see rephraser.ts). In order:
 * 1. fraud signals → fraud_warning (safety first, whatever else was asked);
 * 2. explicit actions (intents.ts): complaint, a person, the questionnaire, the sandbox, an event, a zone;
 * 3. requests for what to buy or for promised returns → advice_guardrail;
 * 4. the visitor's own account data, forecasts and live prices → decline (outOfReach.ts);
 * 5. knowledge-base retrieval → answer, clarify or decline by calibrated confidence;
 * 6. the output check on the final text (no unnegated promise, no buy/sell recommendation).
 */
import type { Lang } from '../i18nLangs.ts'
import { confidenceOf, CLARIFY_AT, decide } from './calibration.ts'
import type { HostReply, HostTopic, HostTurn } from './contract.ts'
import { isAdviceRequest, isFraudSignal, outputProblems } from './guardrails.ts'
import { detectIntent, isAffirmative, type Intent } from './intents.ts'
import { needsDisclosure, type KnowledgeBase, type KnowledgeEntry } from './knowledge.ts'
import { detectLang } from './lang.ts'
import { outOfReach } from './outOfReach.ts'
import { Retriever, type Retrieval } from './retriever.ts'
import { ASK_FOR_PERSON, joinText, navigateText, RISK_DISCLOSURE, TEXTS } from './texts.ts'
import { normalize } from './tokenize.ts'

/** Options of createHostBrain. */
export interface HostBrainOptions {
  /** Suggestions offered with a clarifying question (2–3). Default 3. */
  suggestions?: number
}

/** Context of one question. */
export interface AskContext {
  /** The UI language: used when the words themselves show no language ("123", "?"). */
  lang: Lang
  /** The conversation so far, oldest first (a "yes" after an offer of a person means a hand-off). */
  history?: HostTurn[]
}

/** The host's brain over one knowledge base. */
export interface HostBrain {
  /** Answers one visitor message. */
  ask(text: string, ctx: AskContext): HostReply
  /** Topics a message concerns, most relevant first (for the hand-off packet's `needs`). */
  topicsOf(text: string): HostTopic[]
  /** The retriever, for benchmarks and diagnostics. */
  readonly retriever: Retriever
}

/** Entry topics whose answer supports a reply of each kind (the entry's answer is appended as education). */
const SUPPORTING: Partial<Record<HostReply['kind'], readonly HostTopic[]>> = {
  fraud_warning: ['fraud'],
  complaint: ['complaints'],
  advice_guardrail: ['wealth_products', 'suitability', 'deposit_insurance', 'fees'],
}

const INTENT_TOPICS: Record<Intent['kind'], HostTopic[]> = {
  navigate: ['virtual_branch'],
  open_sandbox: ['virtual_branch', 'wealth_products'],
  start_questionnaire: ['suitability'],
  register_event: ['education_events'],
  handoff: ['advisor_booking'],
  complaint: ['complaints'],
}

/** Offers of a person that a "yes" accepts. */
const OFFERS_PERSON = new Set<HostReply['kind']>(['decline', 'advice_guardrail'])

/**
 * Builds the brain: indexes the knowledge base once (a few milliseconds per hundred entries); every `ask` after
 * that is a sub-millisecond lookup.
 */
export function createHostBrain(kb: KnowledgeBase, options: HostBrainOptions = {}): HostBrain {
  const retriever = new Retriever(kb)
  const nSuggest = Math.min(3, Math.max(2, options.suggestions ?? 3))

  const entryText = (e: KnowledgeEntry, lang: Lang): string => e[lang].answer

  function supported(kind: HostReply['kind'], r: Retrieval, lang: Lang, base: HostReply): HostReply {
    const best = r.hits[0]
    const topics = SUPPORTING[kind]
    const confidence = confidenceOf(r)
    if (!best || !topics?.includes(best.entry.topic) || decide(confidence) !== 'answer') return base
    return { ...base, text: joinText(lang, base.text, entryText(best.entry, lang)), entryId: best.entry.id, confidence }
  }

  function intentReply(intent: Intent, lang: Lang, r: Retrieval): HostReply {
    switch (intent.kind) {
      case 'navigate':
        return { kind: 'navigate', lang, text: navigateText(intent.zone, lang), zone: intent.zone }
      case 'open_sandbox':
        return {
          kind: 'open_sandbox',
          lang,
          text: TEXTS.sandbox[lang],
          zone: 'sandbox',
          disclosure: RISK_DISCLOSURE[lang],
        }
      case 'start_questionnaire':
        return { kind: 'start_questionnaire', lang, text: TEXTS.questionnaire[lang] }
      case 'register_event':
        return { kind: 'register_event', lang, text: TEXTS.register[lang], zone: 'auditorium' }
      case 'handoff':
        return { kind: 'handoff', lang, text: TEXTS.handoff[lang] }
      case 'complaint':
        return supported('complaint', r, lang, { kind: 'complaint', lang, text: TEXTS.complaint[lang] })
    }
  }

  function retrievalReply(r: Retrieval, lang: Lang): HostReply {
    const confidence = confidenceOf(r)
    const best = r.hits[0]
    const decision = decide(confidence)
    if (best && decision === 'answer') {
      const reply: HostReply = {
        kind: 'answer',
        lang,
        text: entryText(best.entry, lang),
        entryId: best.entry.id,
        confidence,
      }
      if (needsDisclosure(best.entry)) reply.disclosure = RISK_DISCLOSURE[lang]
      return reply
    }
    if (decision === 'clarify') {
      const suggestions = r.hits.slice(0, nSuggest).map((h) => h.entry[lang].questions[0]!)
      return { kind: 'clarify', lang, text: TEXTS.clarify[lang], confidence, suggestions }
    }
    return { kind: 'decline', lang, text: TEXTS.decline[lang], confidence, suggestions: [ASK_FOR_PERSON[lang]] }
  }

  function respond(text: string, ctx: AskContext): HostReply {
    const norm = normalize(text).trim()
    const lang = detectLang(norm, ctx.lang)
    const lastHost = ctx.history?.findLast((t) => t.from === 'host')
    if (lastHost?.kind && OFFERS_PERSON.has(lastHost.kind) && isAffirmative(norm)) {
      return { kind: 'handoff', lang, text: TEXTS.handoff[lang] }
    }
    const r = retriever.search(norm, lang)
    if (isFraudSignal(norm))
      return supported('fraud_warning', r, lang, { kind: 'fraud_warning', lang, text: TEXTS.fraud[lang] })
    const intent = detectIntent(norm)
    if (intent && (intent.kind === 'complaint' || intent.kind === 'handoff')) return intentReply(intent, lang, r)
    if (isAdviceRequest(norm)) {
      const base: HostReply = {
        kind: 'advice_guardrail',
        lang,
        text: TEXTS.advice[lang],
        disclosure: RISK_DISCLOSURE[lang],
      }
      return supported('advice_guardrail', r, lang, base)
    }
    if (intent) return intentReply(intent, lang, r)
    const reach = outOfReach(norm)
    if (reach) return { kind: 'decline', lang, text: TEXTS[reach][lang], suggestions: [ASK_FOR_PERSON[lang]] }
    return retrievalReply(r, lang)
  }

  return {
    retriever,
    ask(text, ctx) {
      const reply = respond(text, ctx)
      // the last line of defence: whatever produced the text, it may not promise returns or recommend a trade
      if (outputProblems(reply.text).length === 0) return reply
      return {
        kind: 'decline',
        lang: reply.lang,
        text: TEXTS.withheld[reply.lang],
        suggestions: [ASK_FOR_PERSON[reply.lang]],
      }
    },
    topicsOf(text) {
      const norm = normalize(text).trim()
      const topics: HostTopic[] = []
      const add = (t: HostTopic): void => void (topics.includes(t) || topics.push(t))
      if (isFraudSignal(norm)) add('fraud')
      const intent = detectIntent(norm)
      if (intent) INTENT_TOPICS[intent.kind].forEach(add)
      if (isAdviceRequest(norm)) add('suitability')
      const r = retriever.search(norm, detectLang(norm, 'en'))
      if (confidenceOf(r) >= CLARIFY_AT) r.hits.slice(0, 2).forEach((h) => add(h.entry.topic))
      return topics
    },
  }
}

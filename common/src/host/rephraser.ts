/**
 * Optional LLM phrasing of the host's replies. The brain's reply is always complete and safe on its own; a
 * rephraser may only make it sound more natural, and its text is kept only if it passes the same checks as
 * everything the host says. Safety replies are never rephrased: their wording is reviewed and fixed.
 */
import type { HostReply, HostReplyKind } from './contract.ts'
import { outputProblems } from './guardrails.ts'
import { detectLang } from './lang.ts'

/** Rewrites a reply's text for the question asked; may reject (network, quota), which keeps the original. */
export interface Rephraser {
  rephrase(reply: HostReply, question: string): Promise<string>
}

/** Kinds whose text is fixed compliance wording and is never rephrased. */
export const FIXED_KINDS: ReadonlySet<HostReplyKind> = new Set([
  'fraud_warning',
  'advice_guardrail',
  'complaint',
  'handoff',
])

/** Why a rephrased text was refused, or undefined when it may replace the original. */
export function rephraseProblem(original: HostReply, text: string): string | undefined {
  const t = text.trim()
  if (t.length === 0) return 'empty'
  // a model asked to polish may pad; a reply three times longer is a new answer, not a rephrasing
  if (t.length > original.text.length * 3 + 80) return 'too long'
  if (detectLang(t, original.lang) !== original.lang) return 'wrong language'
  const problems = outputProblems(t)
  return problems.length > 0 ? problems.join('; ') : undefined
}

/**
 * The reply with its text rephrased when that is allowed and the new text passes the checks (not empty, same
 * language, not much longer, no promise of returns, no buy/sell recommendation); otherwise the reply unchanged.
 * Never rejects. The disclosure, entry, zone and suggestions are kept as they are.
 */
export async function rephraseSafely(
  rephraser: Rephraser | undefined,
  reply: HostReply,
  question: string,
): Promise<HostReply> {
  if (!rephraser || FIXED_KINDS.has(reply.kind)) return reply
  let text: string
  try {
    text = await rephraser.rephrase(reply, question)
  } catch {
    return reply
  }
  return rephraseProblem(reply, text) === undefined ? { ...reply, text: text.trim() } : reply
}

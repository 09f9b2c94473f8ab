import { z } from 'zod'

import type { ConsentPurpose } from '../privacy.ts'
import type { Lang } from '../i18nLangs.ts'
import { LangSchema } from '../messages.ts'
import type { Role } from '../accounts.ts'
import type { ZoneId } from '../zones.ts'

/** Knowledge-base topics (assets/knowledge/entries/<topic>.json). */
export const HOST_TOPICS = [
  'account_opening',
  'cards',
  'transfers',
  'mobile_banking',
  'loans',
  'wealth_products',
  'fees',
  'suitability',
  'deposit_insurance',
  'fraud',
  'complaints',
  'branch_hours',
  'virtual_branch',
  'advisor_booking',
  'education_events',
  'privacy',
] as const
export type HostTopic = (typeof HOST_TOPICS)[number]

/**
 * What the host did with a visitor's words.
 * - answer: a knowledge-base answer (with a risk disclosure when it concerns products)
 * - clarify: not sure; asks a question back and suggests close topics
 * - decline: out of scope; says so and offers a person
 * - handoff: a person was asked for; a hand-off request was created (see HandoffPacket)
 * - navigate: shows the way to (or moves the visitor to) a zone
 * - open_sandbox / start_questionnaire / register_event: opens that part of the branch
 * - complaint: recorded, with a reference number and a response deadline
 * - fraud_warning: fraud signals were found; a clear warning
 * - advice_guardrail: asked what to buy or sell, or for promised returns: education, a suitability reminder, a person
 */
export const HOST_REPLY_KINDS = [
  'answer',
  'clarify',
  'decline',
  'handoff',
  'navigate',
  'open_sandbox',
  'start_questionnaire',
  'register_event',
  'complaint',
  'fraud_warning',
  'advice_guardrail',
] as const
export type HostReplyKind = (typeof HOST_REPLY_KINDS)[number]

/** The host's reply, as the engine produces it and the API returns it. */
export interface HostReply {
  kind: HostReplyKind
  /** Language of the reply (the visitor's language, detected or chosen). */
  lang: Lang
  /** What the host says (also the subtitle). Plain text. */
  text: string
  /** The knowledge-base entry behind an answer. */
  entryId?: string
  /** Retrieval confidence of the best entry, 0–1 after calibration. */
  confidence?: number
  /** Risk disclosure appended to product answers and guardrail replies (also shown separately). */
  disclosure?: string
  /** Zone to go to (navigate). */
  zone?: ZoneId
  /** Short follow-up questions the visitor can pick (clarify, decline). */
  suggestions?: string[]
  /** Set by the server when it recorded something (handoff, complaint). */
  reference?: string
  /** Complaint response deadline, ms since epoch. */
  dueAt?: number
}

/** Conversation ids, as path parameters. */
export const ConversationId = z.string().regex(/^c_[A-Za-z0-9_-]{8,32}$/)

/** Hand-off references as visitors read them out: `H-` and eight unambiguous characters. */
export const HandoffReference = z.string().regex(/^H-[A-Z2-9]{8}$/)

/** POST /api/host/ask body. */
export const HostAskRequest = z.strictObject({
  text: z.string().max(2000).pipe(z.string().trim().min(1).max(500)),
  /** The UI language; the host still answers in the language the visitor writes in. */
  lang: LangSchema,
  /** Continue a conversation; omitted on the first question. */
  conversationId: ConversationId.optional(),
})
export type HostAskRequest = z.infer<typeof HostAskRequest>

/** POST /api/host/ask response. */
export interface HostAskResponse {
  conversationId: string
  reply: HostReply
}

/** One line of a conversation with the host. */
export interface HostTurn {
  from: 'visitor' | 'host'
  text: string
  at: number
  kind?: HostReplyKind
}

/**
 * What an advisor receives when a visitor asks for a person, so the visitor never repeats themselves.
 * The plan and profile are included only while the customer consents to sharing them.
 */
export interface HandoffPacket {
  reference: string
  createdAt: number
  status: 'open' | 'taken' | 'closed'
  visitor: { id: string; displayName: string; role: Role }
  lang: Lang
  /** The conversation so far (last 30 turns). */
  conversation: HostTurn[]
  /** Topics detected in the conversation, most recent first. */
  needs: HostTopic[]
  /** What the customer consented to share, at hand-off time. */
  consents: ConsentPurpose[]
  /** Latest saved plan name and data, when shared. */
  plan?: { name: string; data: Record<string, unknown> }
  /** Risk category from the customer's profile answers, when shared. */
  riskAnswers?: Record<string, number>
}

/** A complaint recorded by the host (24-hour response deadline). */
export interface ComplaintView {
  reference: string
  createdAt: number
  dueAt: number
  status: 'open' | 'answered'
  visitorId: string
  text: string
  lang: Lang
}

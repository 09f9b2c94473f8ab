import { z } from 'zod'

import type { HostTurn } from '../host/contract.ts'
import { cleanMultiline, cleanText } from '../messages.ts'
import type { ReminderView } from './appointments.ts'
import type { AdvisorTopic } from './queue.ts'

/** Follow-up ids (`fu_…`), as path parameters. */
export const FollowUpId = z.string().regex(/^fu_[A-Za-z0-9_-]{8,32}$/, 'not a follow-up id')

/** Invite codes a customer reads out to a family member: eight unambiguous characters. */
export const InviteCode = z.string().regex(/^[A-Z2-9]{8}$/, 'not an invite code')

const line = (max: number) =>
  z
    .string()
    .max(max * 2)
    .transform(cleanText)
    .pipe(z.string().min(1).max(max))
const paragraph = (max: number) =>
  z
    .string()
    .max(max * 2)
    .transform(cleanMultiline)
    .pipe(z.string().min(1).max(max))

/** POST /api/advisors/sessions/:ref/notes body: a private advisor note. */
export const NoteRequest = z.strictObject({ text: paragraph(2000) })
export type NoteRequest = z.infer<typeof NoteRequest>

/** POST /api/advisors/sessions/:ref/followups body. */
export const FollowUpRequest = z.strictObject({
  text: line(300),
  dueAt: z.number().int().min(0).max(8_640_000_000_000),
})
export type FollowUpRequest = z.infer<typeof FollowUpRequest>

/** PATCH /api/advisors/followups/:id body. */
export const FollowUpPatch = z.strictObject({ done: z.boolean() })
export type FollowUpPatch = z.infer<typeof FollowUpPatch>

/** POST /api/advisors/sessions/:ref/summary body: ends the session and delivers the summary to the customer. */
export const SummaryRequest = z.strictObject({
  discussed: paragraph(4000),
  nextSteps: z.array(line(300)).max(20),
  /** Risk disclosures shown during the session, as shown. */
  disclosures: z.array(line(1000)).max(20),
})
export type SummaryRequest = z.infer<typeof SummaryRequest>

/** POST /api/advisors/sessions/:ref/rating body. */
export const RatingRequest = z.strictObject({
  stars: z.number().int().min(1).max(5),
  comment: z.string().max(1000).transform(cleanMultiline).pipe(z.string().max(500)).default(''),
})
export type RatingRequest = z.infer<typeof RatingRequest>

/** POST /api/advisors/invites/redeem body. */
export const RedeemInviteRequest = z.strictObject({ code: InviteCode })

/** GET /api/advisors/sessions query. */
export const SessionListQuery = z.strictObject({ scope: z.enum(['mine', 'team']).default('mine') })

export type ParticipantRole = 'customer' | 'advisor' | 'family'

/** An advisory session (a suite) as its parties see it. */
export interface AdvisorySessionView {
  reference: string
  source: 'queue' | 'appointment'
  topic: AdvisorTopic
  status: 'active' | 'ended'
  startedAt: number
  endedAt: number | null
  customer: { id: string; displayName: string }
  advisor: { id: string; displayName: string }
  participants: { id: string; displayName: string; role: ParticipantRole }[]
  /** The shared wealth-sandbox session on the suite table, when the sandbox offers one. */
  sandboxSessionId: string | null
  rating: number | null
}

export interface NoteView {
  id: number
  authorId: string
  text: string
  at: number
}

export interface FollowUpView {
  id: string
  sessionReference: string
  text: string
  dueAt: number
  doneAt: number | null
  createdAt: number
}

/** What the customer receives after a session. */
export interface SummaryView {
  sessionReference: string
  advisorName: string
  discussed: string
  nextSteps: string[]
  disclosures: string[]
  createdAt: number
  rating: number | null
}

/** The advisor's view of one session: the record plus their working notes. */
export interface SessionDetail {
  session: AdvisorySessionView
  notes: NoteView[]
  followUps: FollowUpView[]
  summary: SummaryView | null
}

/** Parts of a customer's context the console can show, each behind consent. */
export const CONTEXT_PARTS = ['host_conversation', 'plans', 'questionnaire', 'events'] as const
export type ContextPart = (typeof CONTEXT_PARTS)[number]

/** The customer's consented context during a session; every read is audited. */
export interface CustomerContextView {
  customer: { id: string; displayName: string }
  hostConversation: HostTurn[] | null
  plans: { name: string; updatedAt: number; data: Record<string, unknown> }[] | null
  questionnaire: { answers: Record<string, number>; answeredAt: number } | null
  events: { title: string; at: number }[] | null
  /** What was not shown, and why (`no_consent`, `unavailable`). */
  withheld: { part: ContextPart; reason: 'no_consent' | 'unavailable' }[]
}

/** The customer inbox: summaries and reminders. */
export interface InboxView {
  summaries: SummaryView[]
  reminders: ReminderView[]
}

/** POST /api/advisors/sessions/:ref/invites response. */
export interface InviteView {
  code: string
  expiresAt: number
}

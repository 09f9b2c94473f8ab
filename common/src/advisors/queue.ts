import { z } from 'zod'

import { HandoffReference } from '../host/contract.ts'
import { LangSchema } from '../messages.ts'

/** What a customer can ask an advisor about; the queue and the availability editor use the same list. */
export const ADVISOR_TOPICS = ['wealth', 'loans', 'cards', 'other'] as const
export type AdvisorTopic = (typeof ADVISOR_TOPICS)[number]
export const AdvisorTopicSchema = z.enum(ADVISOR_TOPICS)

/**
 * Advisory references: the same `H-XXXXXXXX` shape as the host's hand-off references, because a queue entry is a
 * hand-off and its suite's LiveKit room is `suite-<reference>` (see media.ts).
 */
export const AdvisoryReference = HandoffReference

/** POST /api/advisors/queue body: "talk to an advisor now". */
export const JoinQueueRequest = z.strictObject({ topic: AdvisorTopicSchema, lang: LangSchema })
export type JoinQueueRequest = z.infer<typeof JoinQueueRequest>

/** Where a queue entry came from. */
export const QUEUE_SOURCES = ['menu', 'host'] as const
export type QueueSource = (typeof QUEUE_SOURCES)[number]

/** A customer's own place in the queue (GET /api/advisors/queue/me). */
export interface QueueStatus {
  reference: string
  status: 'waiting' | 'accepted' | 'left'
  topic: AdvisorTopic
  /** 1 = next; null once accepted or left. */
  position: number | null
  /** Estimated wait in milliseconds; null once accepted or left. */
  estimatedWaitMs: number | null
  enqueuedAt: number
  /** The advisory session (suite) once an advisor accepted. */
  session: { reference: string; advisorName: string } | null
}

/** One waiting customer as the advisor console lists them (pseudonymous id and display name only). */
export interface QueueEntryView {
  reference: string
  source: QueueSource
  topic: AdvisorTopic
  lang: z.infer<typeof LangSchema>
  customer: { id: string; displayName: string }
  enqueuedAt: number
  waitingMs: number
  /** Topics the host detected, for hand-offs from the host. */
  needs: string[]
}

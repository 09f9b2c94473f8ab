import { z } from 'zod'

import { CHAT } from '../constants.ts'
import { cleanText } from '../messages.ts'
import { EVENT_LIMITS } from './limits.ts'

/** Messages a client sends to an auditorium room. */
export const EV_C2S = {
  /** Seated head yaw, quantized to int8, at most once a second. */
  yaw: 'ev.yaw',
  /** Sat down in the assigned seat, or stood up and walked away. */
  seat: 'ev.seat',
  hand: 'ev.hand',
  ask: 'ev.ask',
  vote: 'ev.vote',
  chat: 'ev.chat',
  pollVote: 'ev.pollVote',
  // host and presenter only
  slide: 'ev.slide',
  phase: 'ev.phase',
  speaker: 'ev.speaker',
  spotlight: 'ev.spotlight',
  muteAll: 'ev.muteAll',
  remove: 'ev.remove',
  recording: 'ev.recording',
  moderate: 'ev.moderate',
  pollOpen: 'ev.pollOpen',
  pollClose: 'ev.pollClose',
} as const

/** Messages an auditorium room sends. */
export const EV_S2C = {
  questions: 'ev.questions',
  chat: 'ev.chat',
  chatHistory: 'ev.chatHistory',
  /** The host muted everyone: turn the microphone off. */
  muted: 'ev.muted',
  /** A quiz closed: whether this attendee's answer was right. */
  quizResult: 'ev.quizResult',
  error: 'error',
} as const

const text = (max: number) =>
  z
    .string()
    .max(max * 2)
    .transform(cleanText)
    .pipe(z.string().min(1).max(max))

/** A participant's pseudonymous id (`u_…`). */
const UserRef = z.string().regex(/^u_[A-Za-z0-9_-]{8,32}$/, 'not a user id')
const Id = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER)

/** Q&A moderation states; attendees see approved and answered questions, and their own pending ones. */
export const QUESTION_STATUSES = ['pending', 'approved', 'answered', 'dismissed'] as const
export type QuestionStatus = (typeof QUESTION_STATUSES)[number]

export const PollOpenMsg = z
  .strictObject({
    question: text(EVENT_LIMITS.pollQuestionMax),
    options: z
      .array(text(EVENT_LIMITS.pollOptionMax))
      .min(EVENT_LIMITS.pollOptionsMin)
      .max(EVENT_LIMITS.pollOptionsMax),
    seconds: z.number().int().min(5).max(EVENT_LIMITS.pollSecondsMax),
    /** For a quiz: the index of the right option. */
    correct: z
      .number()
      .int()
      .min(0)
      .max(EVENT_LIMITS.pollOptionsMax - 1)
      .optional(),
  })
  .refine((v) => v.correct === undefined || v.correct < v.options.length, 'the right answer must be an option')
export type PollOpenMsg = z.infer<typeof PollOpenMsg>

/** Validators by auditorium message name. */
export const EvC2SValidators = {
  [EV_C2S.yaw]: z.strictObject({ yaw: z.number().int().min(-128).max(127) }),
  [EV_C2S.seat]: z.strictObject({ seated: z.boolean() }),
  [EV_C2S.hand]: z.strictObject({ up: z.boolean() }),
  [EV_C2S.ask]: z.strictObject({ text: text(EVENT_LIMITS.questionMax) }),
  [EV_C2S.vote]: z.strictObject({ questionId: Id }),
  [EV_C2S.chat]: z.strictObject({ text: text(CHAT.maxLength) }),
  [EV_C2S.pollVote]: z.strictObject({
    pollId: Id,
    choice: z
      .number()
      .int()
      .min(0)
      .max(EVENT_LIMITS.pollOptionsMax - 1),
  }),
  [EV_C2S.slide]: z.strictObject({
    page: z
      .number()
      .int()
      .min(0)
      .max(EVENT_LIMITS.maxSlides - 1),
  }),
  [EV_C2S.phase]: z.strictObject({ phase: z.enum(['live', 'ended']) }),
  [EV_C2S.speaker]: z.strictObject({ userId: UserRef, speaker: z.boolean() }),
  [EV_C2S.spotlight]: z.strictObject({ userId: UserRef.nullable() }),
  [EV_C2S.muteAll]: z.strictObject({}),
  [EV_C2S.remove]: z.strictObject({ userId: UserRef }),
  [EV_C2S.recording]: z.strictObject({ on: z.boolean() }),
  [EV_C2S.moderate]: z.strictObject({ questionId: Id, status: z.enum(QUESTION_STATUSES) }),
  [EV_C2S.pollOpen]: PollOpenMsg,
  [EV_C2S.pollClose]: z.strictObject({ pollId: Id }),
} as const
export type EvC2SType = keyof typeof EvC2SValidators
export type EvC2SMsg<K extends EvC2SType> = z.output<(typeof EvC2SValidators)[K]>

/** Messages only the event's host (or oversight staff) may send. */
export const HOST_MESSAGES: readonly EvC2SType[] = [
  EV_C2S.slide,
  EV_C2S.phase,
  EV_C2S.speaker,
  EV_C2S.spotlight,
  EV_C2S.muteAll,
  EV_C2S.remove,
  EV_C2S.recording,
  EV_C2S.moderate,
  EV_C2S.pollOpen,
  EV_C2S.pollClose,
]

/** One Q&A question as clients see it. */
export interface QuestionView {
  id: number
  authorId: string
  authorName: string
  text: string
  status: QuestionStatus
  votes: number
  createdAt: number
  /** Whether the receiving attendee has upvoted it. */
  mine: boolean
}

/** One event chat line; `from` is the sender's pseudonymous id. */
export interface EventChatLine {
  id: number
  from: string
  name: string
  text: string
  at: number
}

/** Options a client passes to join an auditorium room. */
export const AuditoriumJoinOptions = z.strictObject({ eventId: z.string().max(64) })

/** Quantizes a yaw in radians to the int8 the seated pose carries. */
export function quantizeYaw(rad: number): number {
  const turns = ((((rad / (2 * Math.PI)) % 1) + 1.5) % 1) - 0.5
  return Math.max(-128, Math.min(127, Math.round(turns * 256)))
}

/** The yaw in radians of a quantized seated pose. */
export function dequantizeYaw(q: number): number {
  return (q / 256) * 2 * Math.PI
}

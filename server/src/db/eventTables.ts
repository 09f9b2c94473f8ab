import type { Generated } from 'kysely'

/** An education event. Titles and descriptions are JSON `{ "zh-CN"?, en? }`. */
export interface EventsTable {
  id: string
  host_id: string
  title: string
  description: string
  starts_at: number
  duration_min: number
  capacity: number
  lang: string
  approval: number
  /** Share (0–1) of the live span an attendee must be present for a certificate. */
  min_attendance: number
  recording: number
  status: string
  /** Registration sequence; bumped under the row lock by every registration change. */
  reg_seq: Generated<number>
  slide_version: Generated<number>
  live_at: number | null
  ended_at: number | null
  created_at: number
  updated_at: number
}

export interface EventRegistrationsTable {
  event_id: string
  user_id: string
  status: string
  /** Waitlist order: the event's reg_seq when the registration (re)entered. */
  seq: number
  /** When the waitlist promoted it; null otherwise. */
  promoted_at: number | null
  created_at: number
  updated_at: number
}

export interface EventSlidesTable {
  event_id: string
  page: number
  mime: string
  data: Buffer
}

export interface EventQuestionsTable {
  id: Generated<number>
  event_id: string
  author_id: string
  author_name: string
  text: string
  status: string
  votes: Generated<number>
  created_at: number
}

export interface EventQuestionVotesTable {
  question_id: number
  user_id: string
}

export interface EventChatTable {
  id: Generated<number>
  event_id: string
  author_id: string
  author_name: string
  text: string
  at: number
}

export interface EventPollsTable {
  id: Generated<number>
  event_id: string
  question: string
  /** JSON array of option texts. */
  options: string
  /** The right option of a quiz; null for an opinion poll. */
  correct: number | null
  opened_at: number
  ends_at: number
  closed: Generated<number>
}

export interface EventPollVotesTable {
  poll_id: number
  user_id: string
  choice: number
  at: number
}

/** One visit of an attendee to an event's auditorium (any instance). */
export interface EventAttendanceTable {
  id: Generated<number>
  event_id: string
  user_id: string
  name: string
  joined_at: number
  left_at: number | null
}

/** Table types for investor-education events (migration 004_events); merged into `Database` in schema.ts. */
export interface EventTables {
  events: EventsTable
  event_registrations: EventRegistrationsTable
  event_slides: EventSlidesTable
  event_questions: EventQuestionsTable
  event_question_votes: EventQuestionVotesTable
  event_chat: EventChatTable
  event_polls: EventPollsTable
  event_poll_votes: EventPollVotesTable
  event_attendance: EventAttendanceTable
}

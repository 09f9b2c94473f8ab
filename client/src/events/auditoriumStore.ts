import type { EventChatLine, QuestionView } from '@atrium/common'
import { createStore } from 'zustand/vanilla'

/** A person in an event-wide list (hand queue, speakers). */
export interface StagePerson {
  id: string
  name: string
}

/** The poll as the 2D panel shows it (the 3D bars read the same numbers). */
export interface PollView {
  id: number
  question: string
  options: string[]
  counts: number[]
  quiz: boolean
  endsAt: number
  open: boolean
}

/** Slow state of the auditorium the visitor sits in; fast state (seated yaws) is read from the room in useFrame. */
export interface AuditoriumView {
  eventId: string | undefined
  status: 'idle' | 'joining' | 'joined' | 'error'
  error: string | undefined
  /** Set when the server closed the seat (removed by the host, abuse). */
  closedCode: number | undefined
  instance: number
  host: boolean
  /** In their seat (false once they walked away; always false for the host and staff, who hold no seat). */
  seated: boolean
  presenter: boolean
  phase: string
  page: number
  slides: number
  slideVersion: number
  recording: boolean
  spotlight: string
  hands: StagePerson[]
  speakers: StagePerson[]
  poll: PollView | undefined
  questions: QuestionView[]
  chat: EventChatLine[]
  /** The last quiz answer's verdict, shown briefly. */
  quiz: { pollId: number; right: boolean } | undefined
  mutedAt: number
  /** Ids of questions and polls this visitor voted in (the server refuses repeats anyway). */
  votedPolls: number[]
}

export const initialAuditorium: AuditoriumView = {
  eventId: undefined,
  status: 'idle',
  error: undefined,
  closedCode: undefined,
  instance: 0,
  host: false,
  seated: false,
  presenter: false,
  phase: 'scheduled',
  page: 0,
  slides: 0,
  slideVersion: 0,
  recording: false,
  spotlight: '',
  hands: [],
  speakers: [],
  poll: undefined,
  questions: [],
  chat: [],
  quiz: undefined,
  mutedAt: 0,
  votedPolls: [],
}

/** The auditorium's slow state, readable outside React; components use `useAuditorium`. */
export const auditoriumStore = createStore<AuditoriumView>()(() => ({ ...initialAuditorium }))

import {
  AuditoriumState,
  EV_S2C,
  ROOMS,
  type EvC2SMsg,
  type EvC2SType,
  type EventChatLine,
  type QuestionView,
  type RoomErrorMsg,
} from '@atrium/common'
import { Client, type Room } from 'colyseus.js'

import { freshAccessToken } from '../auth/apiFetch.ts'
import { sessionStore } from '../auth/sessionStore.ts'
import { setMediaRoomOverride } from '../media/mediaRoomOverride.ts'
import { mediaStore } from '../media/mediaStore.ts'
import { auditoriumStore, initialAuditorium } from './auditoriumStore.ts'
import { clearDrawnAttendees, refreshDrawnAttendees } from './seatedAttendees.ts'

/** Chat lines kept in the panel. */
const CHAT_KEEP = 200

let current: Room<AuditoriumState> | undefined

/** The auditorium room this visitor sits in, for per-frame reads of seated attendees (never through React). */
export function auditoriumRoom(): Room<AuditoriumState> | undefined {
  return current
}

function endpoint(): string {
  if (import.meta.env.DEV) return `ws://${location.hostname}:2567`
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`
}

/**
 * Takes a seat in an event's auditorium (main or overflow instance, as the server places), moves voice and video to
 * the event's media room, and mirrors the room's slow state into auditoriumStore.
 */
export async function joinAuditorium(eventId: string): Promise<void> {
  await leaveAuditorium()
  auditoriumStore.setState({ ...initialAuditorium, eventId, status: 'joining' })
  try {
    const client = new Client(endpoint())
    client.auth.token = await freshAccessToken()
    const room = await client.joinOrCreate(ROOMS.auditorium, { eventId }, AuditoriumState)
    current = room
    bind(room)
    // the event's own host presents (moves slides); oversight staff only moderate
    const ev = await fetch(`/api/events/${eventId}`).then((r) => r.json() as Promise<{ hostId?: string }>)
    auditoriumStore.setState({ status: 'joined', presenter: ev.hostId === sessionStore.getState().user?.id })
    setMediaRoomOverride({ room: 'event', event: eventId })
  } catch (e) {
    auditoriumStore.setState({ status: 'error', error: e instanceof Error ? e.message : String(e) })
  }
}

/** Leaves the auditorium; voice and video go back to the zone's room. */
export async function leaveAuditorium(): Promise<void> {
  const room = current
  current = undefined
  clearDrawnAttendees()
  setMediaRoomOverride(null)
  auditoriumStore.setState({ ...initialAuditorium })
  if (room) await room.leave().catch(() => undefined)
}

/** Sends one validated auditorium message (the server checks it again). */
export function sendAuditorium<K extends EvC2SType>(type: K, msg: EvC2SMsg<K>): void {
  current?.send(type, msg)
}

function bind(room: Room<AuditoriumState>): void {
  const set = auditoriumStore.setState
  room.onStateChange((s) => {
    const me = s.attendees.get(room.sessionId)
    const poll = s.poll
    refreshDrawnAttendees(s.attendees, room.sessionId)
    set({
      instance: s.instance,
      host: me?.host ?? false,
      seated: me?.seated ?? false,
      phase: s.phase,
      page: s.page,
      slides: s.slides,
      slideVersion: s.slideVersion,
      recording: s.recording,
      spotlight: s.spotlight,
      hands: [...s.hands].map((h) => ({ id: h.id, name: h.name })),
      speakers: [...s.speakers].map((h) => ({ id: h.id, name: h.name })),
      poll:
        poll && poll.id
          ? {
              id: poll.id,
              question: poll.question,
              options: [...poll.options],
              counts: [...poll.counts],
              quiz: poll.quiz,
              endsAt: poll.endsAt,
              open: poll.open,
            }
          : undefined,
    })
  })
  room.onMessage(EV_S2C.questions, (questions: QuestionView[]) => set({ questions }))
  room.onMessage(EV_S2C.chatHistory, (chat: EventChatLine[]) => set({ chat }))
  room.onMessage(EV_S2C.chat, (line: EventChatLine) => set((s) => ({ chat: [...s.chat, line].slice(-CHAT_KEEP) })))
  room.onMessage(EV_S2C.muted, () => {
    set({ mutedAt: Date.now() })
    // LiveKit mutes the published track as well; either mute turns the toggle off (VoiceMedia hears the track)
    void mediaStore.getState().connection?.voice?.mic.setEnabled(false)
  })
  room.onMessage(EV_S2C.quizResult, (quiz: { pollId: number; right: boolean }) => set({ quiz }))
  room.onMessage(EV_S2C.error, (e: RoomErrorMsg) => set({ error: e.message }))
  room.onLeave((code) => {
    if (current !== room) return
    current = undefined
    clearDrawnAttendees()
    setMediaRoomOverride(null)
    set({ ...initialAuditorium, closedCode: code })
  })
}

import type { ChatLine, Lang, RoomErrorCode, ZoneId } from '@atrium/common'
import { create } from 'zustand'

/** Connection life cycle as shown to the visitor. */
/** `ended`: the server closed the visit because the account's session ended (sign-out elsewhere, admin). */
export type ConnectionStatus =
  'idle' | 'connecting' | 'connected' | 'reconnecting' | 'disconnected' | 'kicked' | 'ended'

/** A person in the room, as listed in the people panel (slow state only, never poses). */
export interface Person {
  sessionId: string
  id: string
  name: string
  look: number
  zone: ZoneId
  connected: boolean
  speaking: boolean
}

export interface Profile {
  name: string
  color: number
  shape: number
  lang: Lang
}

interface AppState {
  profile: Profile | undefined
  status: ConnectionStatus
  /** Seconds left to reconnect while `status` is 'reconnecting'. */
  reconnectLeft: number
  joinError: string | undefined
  instance: number
  maxClients: number
  /** Instance 2+ means an earlier one was full: the UI says so once. */
  spilled: boolean
  sessionId: string | undefined
  people: Record<string, Person>
  chat: ChatLine[]
  myZone: ZoneId
  lastError: { code: RoomErrorCode; at: number } | undefined
  mapOpen: boolean
  /** The account panel (a modal dialog) is open. */
  accountOpen: boolean
  /** The 3D branch has drawn its first frame (its shaders compiled, the loading screen gone). */
  sceneReady: boolean
  set: (partial: Partial<AppState>) => void
  upsertPerson: (p: Person) => void
  removePerson: (sessionId: string) => void
  addChat: (lines: ChatLine[]) => void
}

const CHAT_KEEP = 200

/** The one app store: slow UI state. Poses never pass through here. */
export const useAppStore = create<AppState>()((set) => ({
  profile: undefined,
  status: 'idle',
  reconnectLeft: 0,
  joinError: undefined,
  instance: 0,
  maxClients: 0,
  spilled: false,
  sessionId: undefined,
  people: {},
  chat: [],
  myZone: 'atrium',
  lastError: undefined,
  mapOpen: false,
  accountOpen: false,
  sceneReady: false,
  set: (partial) => set(partial),
  upsertPerson: (p) => set((s) => ({ people: { ...s.people, [p.sessionId]: p } })),
  removePerson: (sessionId) =>
    set((s) => {
      const people = { ...s.people }
      delete people[sessionId]
      return { people }
    }),
  addChat: (lines) =>
    set((s) => {
      const seen = new Set(s.chat.map((l) => l.id))
      const merged = [...s.chat, ...lines.filter((l) => !seen.has(l.id))].sort((a, b) => a.id - b.id)
      return { chat: merged.slice(-CHAT_KEEP) }
    }),
}))

import { create } from 'zustand'

import type { Message } from '../auth/errorMessage.ts'
import type { HostChatItem } from './hostReplies.ts'

/** The host's line shown as a large subtitle while it is spoken. */
export interface Subtitle {
  id: number
  text: string
}

interface HostChatState {
  open: boolean
  items: HostChatItem[]
  /** The server's conversation, continued by the next question. */
  conversationId: string | undefined
  /** Account or guest id the conversation belongs to; another visitor starts afresh. */
  owner: string | undefined
  pending: boolean
  error: Message | undefined
  subtitle: Subtitle | undefined
  /** The visitor stands within talking distance of the host. */
  nearHost: boolean
  set: (partial: Partial<HostChatState>) => void
  /** Appends a line, numbering it; returns its id. */
  add: (item: Omit<HostChatItem, 'id'>) => number
  /** Starts a new conversation for `owner`. */
  reset: (owner: string | undefined) => void
}

const KEEP = 100
let nextId = 1

/** Conversation with the digital host: slow UI state, outside the app store so the panel owns it. */
export const useHostChat = create<HostChatState>()((set) => ({
  open: false,
  items: [],
  conversationId: undefined,
  owner: undefined,
  pending: false,
  error: undefined,
  subtitle: undefined,
  nearHost: false,
  set: (partial) => set(partial),
  add: (item) => {
    const id = nextId++
    set((s) => ({ items: [...s.items, { ...item, id }].slice(-KEEP) }))
    return id
  },
  reset: (owner) => set({ items: [], conversationId: undefined, owner, pending: false, error: undefined }),
}))

/** Reserves `count` line ids (for restored turns). */
export function reserveIds(count: number): number {
  const first = nextId
  nextId += count
  return first
}

export const openHostPanel = () => useHostChat.getState().set({ open: true })
export const closeHostPanel = () => useHostChat.getState().set({ open: false })
export const toggleHostPanel = () => useHostChat.getState().set({ open: !useHostChat.getState().open })

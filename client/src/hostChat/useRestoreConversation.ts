import { useEffect } from 'react'

import { ApiRequestError } from '../auth/ApiRequestError.ts'
import { forgetConversation, recalledConversation } from './conversationMemory.ts'
import { fetchConversation, hostOwner } from './hostApi.ts'
import { reserveIds, useHostChat } from './hostChatStore.ts'
import { turnsToItems } from './hostReplies.ts'

/**
 * When the panel opens with no lines (after a reload, or for a visitor who changed), shows the
 * visitor's earlier conversation with the host from the server, if there is one.
 */
export function useRestoreConversation(open: boolean): void {
  useEffect(() => {
    if (!open) return
    const owner = hostOwner()
    const chat = useHostChat.getState()
    if (owner !== chat.owner) chat.reset(owner)
    if (!owner || useHostChat.getState().items.length > 0) return
    const id = useHostChat.getState().conversationId ?? recalledConversation(owner)
    if (!id) return
    // a question asked before the lines arrive continues the same conversation
    useHostChat.getState().set({ conversationId: id })
    let live = true
    fetchConversation(id).then(
      (res) => {
        const now = useHostChat.getState()
        if (!live || now.owner !== owner || now.items.length > 0) return
        now.set({ conversationId: res.conversationId, items: turnsToItems(res.turns, reserveIds(res.turns.length)) })
      },
      (e: unknown) => {
        // a network failure may pass; gone or not ours (another guest visit) starts a new conversation
        if (e instanceof ApiRequestError && e.status === 0) return
        if (live && useHostChat.getState().conversationId === id)
          useHostChat.getState().set({ conversationId: undefined })
        forgetConversation()
      },
    )
    return () => {
      live = false
    }
  }, [open])
}

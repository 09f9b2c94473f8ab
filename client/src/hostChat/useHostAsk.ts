import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'

import { errorMessage } from '../auth/errorMessage.ts'
import { useConnection } from '../net/useConnection.ts'
import { travel } from '../player/travel.ts'
import { useAppStore } from '../state/useAppStore.ts'
import { rememberConversation } from './conversationMemory.ts'
import { askHost, hostOwner } from './hostApi.ts'
import { useHostChat } from './hostChatStore.ts'
import { replyPlan } from './hostReplies.ts'
import { sayHostLine } from './hostSpeech.ts'
import { toLang } from './uiLang.ts'

/** Longest question the server accepts (after trimming). */
export const QUESTION_MAX = 500

/**
 * Sends a question to the host and acts on the reply: adds both lines, speaks the reply, and
 * travels where the reply leads.
 * @example const ask = useHostAsk(); void ask('how do I get to the auditorium')
 */
export function useHostAsk(): (text: string) => Promise<void> {
  const connection = useConnection()
  const { i18n } = useTranslation()

  return useCallback(
    async (text: string) => {
      const question = text.trim().slice(0, QUESTION_MAX)
      const chat = useHostChat.getState()
      if (!question || chat.pending) return
      const owner = hostOwner()
      if (owner !== chat.owner) chat.reset(owner)
      chat.add({ from: 'visitor', text: question, at: Date.now() })
      chat.set({ pending: true, error: undefined })
      try {
        const { conversationId } = useHostChat.getState()
        const res = await askHost({ text: question, lang: toLang(i18n.language), conversationId })
        const reply = res.reply
        const plan = replyPlan(reply, useAppStore.getState().myZone)
        chat.add({ from: 'host', text: reply.text, at: Date.now(), kind: reply.kind, reply, note: plan.note })
        chat.set({ conversationId: res.conversationId, pending: false })
        if (owner) rememberConversation(owner, res.conversationId)
        sayHostLine(reply.text, reply.lang)
        if (plan.travelTo) travel(connection, plan.travelTo)
      } catch (e) {
        chat.set({ pending: false, error: errorMessage(e) })
      }
    },
    [connection, i18n],
  )
}

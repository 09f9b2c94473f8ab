import { EV_C2S } from '@atrium/common'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { sendAuditorium } from '../auditoriumConnection.ts'
import { useAuditorium } from '../useAuditorium.ts'

/** The event's chat: persisted for the event, the same in every instance. */
export function EventChat() {
  const { t } = useTranslation()
  const chat = useAuditorium((s) => s.chat)
  const send = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const input = e.currentTarget.elements.namedItem('line') as HTMLInputElement
    const text = input.value.trim()
    if (text) sendAuditorium(EV_C2S.chat, { text })
    input.value = ''
  }
  return (
    <div>
      <h4>{t('events.chat.heading')}</h4>
      <ol id="event-chat" className="chat-log" aria-live="polite">
        {chat.slice(-50).map((l) => (
          <li key={l.id}>
            <strong>{l.name}</strong>: {l.text}
          </li>
        ))}
      </ol>
      <form className="row" onSubmit={send}>
        <input
          name="line"
          maxLength={500}
          aria-label={t('events.chat.placeholder')}
          placeholder={t('events.chat.placeholder')}
        />
        <button type="submit">{t('events.chat.send')}</button>
      </form>
    </div>
  )
}

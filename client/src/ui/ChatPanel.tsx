import { C2S, CHAT, cleanText } from '@atrium/common'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { useConnection } from '../net/useConnection.ts'
import { useAppStore } from '../state/useAppStore.ts'

/** Atrium text chat: history for late joiners, plain text only, 500 characters. */
export function ChatPanel() {
  const { t } = useTranslation()
  const connection = useConnection()
  const lines = useAppStore((s) => s.chat)
  const [text, setText] = useState('')
  const list = useRef<HTMLOListElement>(null)
  const input = useRef<HTMLInputElement>(null)

  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: 'end' })
  }, [lines.length])

  useEffect(() => {
    // "T" focuses chat, as in most games; Escape returns the keys to walking
    const onKey = (e: KeyboardEvent) => {
      const typing = document.activeElement instanceof HTMLInputElement
      if (e.code === 'KeyT' && !typing) {
        e.preventDefault()
        input.current?.focus()
      } else if (e.code === 'Escape' && document.activeElement === input.current) input.current?.blur()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const send = (e: FormEvent) => {
    e.preventDefault()
    const clean = cleanText(text)
    if (!clean) return
    connection.send(C2S.chat, { text: clean.slice(0, CHAT.maxLength) })
    setText('')
  }

  return (
    <section className="panel chat" aria-labelledby="chat-heading">
      <h2 id="chat-heading">{t('chat.title')}</h2>
      <ol ref={list} aria-live="polite" aria-relevant="additions">
        {lines.length === 0 && <li className="muted">{t('chat.empty')}</li>}
        {lines.map((l) => (
          <li key={l.id} data-chat-id={l.id}>
            <strong>{l.name}</strong>
            <time className="muted" dateTime={new Date(l.at).toISOString()}>
              {new Date(l.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
            </time>
            <span className="text">{l.text}</span>
          </li>
        ))}
      </ol>
      <form onSubmit={send}>
        <input
          ref={input}
          id="chat-input"
          value={text}
          maxLength={CHAT.maxLength}
          placeholder={t('chat.placeholder')}
          aria-label={t('chat.placeholder')}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit">{t('chat.send')}</button>
      </form>
      <small className="muted counter" aria-hidden>
        {t('chat.counter', { count: text.length, max: CHAT.maxLength })}
      </small>
    </section>
  )
}

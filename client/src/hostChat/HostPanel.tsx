import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

import { ErrorText } from '../account/ErrorText.tsx'
import { closeHostPanel, useHostChat } from './hostChatStore.ts'
import { HostInput } from './HostInput.tsx'
import { HostLines } from './HostLines.tsx'
import { MuteToggle } from './MuteToggle.tsx'
import { useHostAsk } from './useHostAsk.ts'
import { useRestoreConversation } from './useRestoreConversation.ts'

const voiceFailed = () => useHostChat.getState().set({ error: { key: 'host.voiceFailed' } })

/**
 * The conversation with the digital host, a non-modal panel over the branch: the question field
 * takes focus on opening and hands it back on closing; new host replies are announced politely.
 */
export function HostPanel() {
  const { t } = useTranslation()
  const open = useHostChat((s) => s.open)
  const error = useHostChat((s) => s.error)
  const latest = useHostChat((s) => s.items.findLast((i) => i.from === 'host' && !i.restored))
  const ask = useHostAsk()
  const input = useRef<HTMLInputElement>(null)
  const before = useRef<Element | null>(null)
  useRestoreConversation(open)

  useEffect(() => {
    if (!open) return
    before.current = document.activeElement
    input.current?.focus()
    return () => {
      const el = before.current
      if (el instanceof HTMLElement && el.isConnected && el !== document.body) el.focus()
      else if (document.activeElement instanceof HTMLElement) document.activeElement.blur()
    }
  }, [open])

  const askAndFocus = (text: string) => {
    void ask(text)
    input.current?.focus()
  }

  return (
    <>
      {open && (
        <section id="host-panel" className="panel host-panel" aria-labelledby="host-heading">
          <header className="host-head">
            <h2 id="host-heading">{t('host.title')}</h2>
            <MuteToggle />
            <button type="button" className="icon close" aria-label={t('host.close')} onClick={closeHostPanel}>
              ×
            </button>
          </header>
          <HostLines onAsk={askAndFocus} />
          <ErrorText message={error} />
          <HostInput inputRef={input} onAsk={askAndFocus} onClose={closeHostPanel} onVoiceFailed={voiceFailed} />
        </section>
      )}
      <p className="sr-only" aria-live="polite" aria-atomic id="host-live">
        {latest?.text}
      </p>
    </>
  )
}

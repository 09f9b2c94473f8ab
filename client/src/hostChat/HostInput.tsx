import { useState, type FormEvent, type KeyboardEvent, type Ref } from 'react'
import { useTranslation } from 'react-i18next'

import { useHostChat } from './hostChatStore.ts'
import { toLang } from './uiLang.ts'
import { QUESTION_MAX } from './useHostAsk.ts'
import { VoiceButton } from './VoiceButton.tsx'

interface HostInputProps {
  inputRef: Ref<HTMLInputElement>
  onAsk: (text: string) => void
  onClose: () => void
  onVoiceFailed: () => void
}

/**
 * The question field: Enter sends, Escape closes the panel. Being an input, its keys never walk
 * the avatar (the movement keys ignore form fields, as for the atrium chat).
 */
export function HostInput({ inputRef, onAsk, onClose, onVoiceFailed }: HostInputProps) {
  const { t, i18n } = useTranslation()
  const pending = useHostChat((s) => s.pending)
  const [text, setText] = useState('')

  const send = (e?: FormEvent) => {
    e?.preventDefault()
    if (!text.trim() || pending) return
    onAsk(text)
    setText('')
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Escape') return
    e.preventDefault()
    e.stopPropagation()
    onClose()
  }

  return (
    <form className="host-form" onSubmit={send}>
      <input
        ref={inputRef}
        id="host-input"
        value={text}
        maxLength={QUESTION_MAX}
        autoComplete="off"
        placeholder={t('host.placeholder')}
        aria-label={t('host.placeholder')}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <VoiceButton
        lang={toLang(i18n.language)}
        disabled={pending}
        onHeard={setText}
        onFinal={(heard) => {
          setText('')
          onAsk(heard)
        }}
        onFailed={onVoiceFailed}
      />
      <button type="submit" id="host-send" disabled={pending || !text.trim()}>
        {t('host.send')}
      </button>
    </form>
  )
}

import type { Lang } from '@atrium/common'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { HostIcon } from './HostIcon.tsx'
import { stopHostVoice } from './hostSpeech.ts'
import { recognitionConstructor, transcriptOf, type Recognition } from './speechRecognition.ts'

interface VoiceButtonProps {
  lang: Lang
  disabled: boolean
  /** Words heard so far, to show in the input. */
  onHeard: (text: string) => void
  /** The finished question. */
  onFinal: (text: string) => void
  onFailed: () => void
}

/** Asks by voice with the browser's speech recognition; renders nothing where there is none. */
export function VoiceButton({ lang, disabled, onHeard, onFinal, onFailed }: VoiceButtonProps) {
  const { t } = useTranslation()
  const [listening, setListening] = useState(false)
  const active = useRef<Recognition | undefined>(undefined)
  const Ctor = recognitionConstructor()

  useEffect(() => () => active.current?.abort(), [])

  if (!Ctor) return null

  const toggle = () => {
    if (active.current) {
      active.current.stop()
      return
    }
    stopHostVoice()
    const r = new Ctor()
    r.lang = lang
    r.interimResults = true
    r.continuous = false
    r.maxAlternatives = 1
    let finalText = ''
    r.onresult = (e) => {
      const heard = transcriptOf(e.results)
      onHeard(heard.text)
      if (heard.final) finalText = heard.text
    }
    r.onerror = (e) => {
      // "no-speech" and "aborted" are the visitor's choice, not a failure worth a message
      if (e.error !== 'no-speech' && e.error !== 'aborted') onFailed()
    }
    r.onend = () => {
      active.current = undefined
      setListening(false)
      if (finalText) onFinal(finalText)
    }
    try {
      r.start()
      active.current = r
      setListening(true)
    } catch {
      onFailed()
    }
  }

  return (
    <button
      type="button"
      className={listening ? 'icon voice listening' : 'icon voice'}
      aria-pressed={listening}
      disabled={disabled && !listening}
      onClick={toggle}
      title={listening ? t('host.voiceStop') : t('host.voiceStart')}
      aria-label={listening ? t('host.voiceStop') : t('host.voiceStart')}
    >
      <HostIcon name="mic" />
      {listening && <span className="listening-label"> {t('host.listening')}</span>}
    </button>
  )
}

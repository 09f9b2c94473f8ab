import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from 'zustand'

import { mediaStore } from './mediaStore.ts'
import { useVoiceKeys } from './useVoiceKeys.ts'
import { useVoiceSession } from './useVoiceSession.ts'
import { VideoControls } from './video/VideoControls.tsx'
import { VoiceSettings } from './VoiceSettings.tsx'

/** Voice in the HUD: state, microphone button, settings popover and "Enable audio" when blocked. */
export function VoiceControls() {
  useVoiceSession()
  useVoiceKeys()
  const { t } = useTranslation()
  const state = useStore(mediaStore, (s) => s.state)
  const micEnabled = useStore(mediaStore, (s) => s.micEnabled)
  const micError = useStore(mediaStore, (s) => s.micError)
  const audioBlocked = useStore(mediaStore, (s) => s.audioBlocked)
  const canSpeak = useStore(mediaStore, (s) => s.canPublish.includes('microphone'))
  const [open, setOpen] = useState(false)

  if (state === 'off') return null
  if (state === 'unavailable' || state === 'failed') {
    return (
      <span id="voice-status" className="status voice-unavailable" role="status" title={t('voice.unavailableHint')}>
        {t('voice.unavailable')}
      </span>
    )
  }
  if (state === 'connecting' || state === 'reconnecting') {
    return (
      <span id="voice-status" className="status muted" role="status">
        {t(state === 'connecting' ? 'voice.connecting' : 'voice.reconnecting')}
      </span>
    )
  }
  const micLabel = micError ? t('voice.micError') : micEnabled ? t('voice.micOn') : t('voice.micOff')
  const enableAudio = audioBlocked && (
    <button
      id="enable-audio"
      type="button"
      className="primary"
      onClick={() => mediaStore.getState().connection?.voice?.enableAudio()}
    >
      {t('voice.enableAudio')}
    </button>
  )
  if (!canSpeak) {
    // the auditorium's audience listens until a moderator makes them a speaker
    return (
      <div className="voice">
        {enableAudio}
        <span id="voice-status" className="status muted" role="status" title={t('voice.listeningHint')}>
          {t('voice.listening')}
        </span>
      </div>
    )
  }
  return (
    <div className="voice">
      {enableAudio}
      <button
        id="mic-toggle"
        type="button"
        className={micEnabled ? 'mic on' : 'mic'}
        aria-pressed={micEnabled}
        aria-label={micLabel}
        title={micLabel}
        disabled={micError}
        onClick={() => {
          // the store, not this render's value: a room switch may have changed it since
          const now = mediaStore.getState()
          void now.connection?.voice?.setMicEnabled(!now.micEnabled)
        }}
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <rect x="9" y="3" width="6" height="11" rx="3" fill="currentColor" />
          <path d="M6 11a6 6 0 0 0 12 0M12 17v4" stroke="currentColor" strokeWidth="2" fill="none" />
          {!micEnabled && <path d="M4 4l16 16" stroke="currentColor" strokeWidth="2" />}
        </svg>
      </button>
      <VideoControls />
      <button
        id="voice-settings-toggle"
        type="button"
        aria-expanded={open}
        aria-controls="voice-settings"
        onClick={() => setOpen(!open)}
      >
        {t('voice.settings')}
      </button>
      {open && <VoiceSettings onClose={() => setOpen(false)} />}
    </div>
  )
}

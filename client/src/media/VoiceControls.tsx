import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from 'zustand'

import { mediaStore } from './mediaStore.ts'
import { useVoiceSession } from './useVoiceSession.ts'

const typing = (e: KeyboardEvent) =>
  e.target instanceof HTMLInputElement ||
  e.target instanceof HTMLTextAreaElement ||
  e.target instanceof HTMLSelectElement ||
  (e.target instanceof HTMLElement && e.target.isContentEditable)

/** V toggles the microphone; holding B talks while it is off (push-to-talk). */
function useVoiceKeys(): void {
  useEffect(() => {
    let pushing = false
    const onDown = (e: KeyboardEvent) => {
      const media = mediaStore.getState().connection
      if (!media || e.repeat || typing(e) || e.ctrlKey || e.metaKey || e.altKey) return
      if (e.code === 'KeyV') void media.setMicEnabled(!mediaStore.getState().micEnabled)
      else if (e.code === 'KeyB' && !mediaStore.getState().micEnabled) {
        pushing = true
        void media.setMicEnabled(true)
      }
    }
    const release = () => {
      if (!pushing) return
      pushing = false
      void mediaStore.getState().connection?.setMicEnabled(false)
    }
    const onUp = (e: KeyboardEvent) => {
      if (e.code === 'KeyB') release()
    }
    window.addEventListener('keydown', onDown)
    window.addEventListener('keyup', onUp)
    window.addEventListener('blur', release)
    return () => {
      window.removeEventListener('keydown', onDown)
      window.removeEventListener('keyup', onUp)
      window.removeEventListener('blur', release)
    }
  }, [])
}

/** A bar showing the microphone level, updated by animation frame rather than React state. */
function LevelMeter({ label }: { label: string }) {
  const bar = useRef<HTMLDivElement>(null)
  useEffect(() => {
    let raf = 0
    const loop = () => {
      const level = mediaStore.getState().connection?.micLevel ?? 0
      // RMS of speech sits around 0.01–0.3: a square root spreads it over the bar
      if (bar.current) bar.current.style.transform = `scaleX(${Math.min(1, Math.sqrt(level * 4))})`
      raf = requestAnimationFrame(loop)
    }
    raf = requestAnimationFrame(loop)
    return () => cancelAnimationFrame(raf)
  }, [])
  return (
    <div className="level-meter" role="img" aria-label={label}>
      <div ref={bar} className="level-bar" />
    </div>
  )
}

/** The media settings popover: microphone device, level meter and the keys. */
function VoiceSettings({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const devices = useStore(mediaStore, (s) => s.devices)
  const deviceId = useStore(mediaStore, (s) => s.deviceId)
  useEffect(() => void mediaStore.getState().connection?.listDevices(), [])
  return (
    <div id="voice-settings" className="panel voice-settings" role="dialog" aria-label={t('voice.settings')}>
      <label className="field">
        <span>{t('voice.device')}</span>
        <select
          id="voice-device"
          value={deviceId ?? ''}
          onChange={(e) => void mediaStore.getState().connection?.selectDevice(e.target.value)}
        >
          {!deviceId && <option value="">{t('voice.defaultDevice')}</option>}
          {devices.map((d) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label}
            </option>
          ))}
        </select>
      </label>
      <LevelMeter label={t('voice.level')} />
      <p className="small muted">{t('voice.keys')}</p>
      <p className="small muted">{t('voice.nearby')}</p>
      <button type="button" onClick={onClose}>
        {t('voice.closeSettings')}
      </button>
    </div>
  )
}

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
      onClick={() => mediaStore.getState().connection?.enableAudio()}
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
        onClick={() => void mediaStore.getState().connection?.setMicEnabled(!micEnabled)}
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <rect x="9" y="3" width="6" height="11" rx="3" fill="currentColor" />
          <path d="M6 11a6 6 0 0 0 12 0M12 17v4" stroke="currentColor" strokeWidth="2" fill="none" />
          {!micEnabled && <path d="M4 4l16 16" stroke="currentColor" strokeWidth="2" />}
        </svg>
      </button>
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

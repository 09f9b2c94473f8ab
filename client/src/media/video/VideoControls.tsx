import { useTranslation } from 'react-i18next'
import { useStore } from 'zustand'

import { mediaStore } from '../mediaStore.ts'

/**
 * Camera and screen-share toggles in the HUD, shown only where the live grant allows each (suites, auditorium
 * presenters and promoted speakers). Plain buttons: reachable with Tab and worked with Enter or Space.
 */
export function VideoControls() {
  const { t } = useTranslation()
  const canCamera = useStore(mediaStore, (s) => s.canPublish.includes('camera'))
  const canShare = useStore(mediaStore, (s) => s.canPublish.includes('screen_share'))
  const cameraOn = useStore(mediaStore, (s) => s.cameraEnabled)
  const sharing = useStore(mediaStore, (s) => s.screenSharing)
  const error = useStore(mediaStore, (s) => s.videoError)
  if (!canCamera && !canShare) return null
  const toggle = (source: 'camera' | 'screen_share', on: boolean) =>
    void mediaStore.getState().connection?.setVideoEnabled(source, on)
  const cameraLabel = t(cameraOn ? 'video.cameraStop' : 'video.cameraStart')
  const shareLabel = t(sharing ? 'video.shareStop' : 'video.shareStart')
  return (
    <>
      {canCamera && (
        <button
          id="camera-toggle"
          type="button"
          className={cameraOn ? 'camera on' : 'camera'}
          aria-pressed={cameraOn}
          aria-label={cameraLabel}
          title={cameraLabel}
          onClick={() => toggle('camera', !cameraOn)}
        >
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
            <rect x="3" y="7" width="12" height="10" rx="2" fill="currentColor" />
            <path d="M15 11l6-3v8l-6-3z" fill="currentColor" />
            {!cameraOn && <path d="M3 4l18 16" stroke="currentColor" strokeWidth="2" />}
          </svg>
        </button>
      )}
      {canShare && (
        <button
          id="screen-toggle"
          type="button"
          className={sharing ? 'screen on' : 'screen'}
          aria-pressed={sharing}
          aria-label={shareLabel}
          title={shareLabel}
          onClick={() => toggle('screen_share', !sharing)}
        >
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
            <rect x="3" y="4" width="18" height="12" rx="1.5" stroke="currentColor" strokeWidth="2" fill="none" />
            <path d="M8 20h8M12 16v4" stroke="currentColor" strokeWidth="2" />
            {sharing && <path d="M9 10l3-3 3 3M12 7v6" stroke="currentColor" strokeWidth="1.6" fill="none" />}
          </svg>
        </button>
      )}
      {error && (
        <span id="video-error" className="status voice-unavailable" role="alert">
          {t(error === 'camera' ? 'video.cameraError' : 'video.shareError')}
        </span>
      )}
    </>
  )
}

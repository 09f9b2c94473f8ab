import { useEffect } from 'react'

import { mediaStore } from './mediaStore.ts'

const typing = (e: KeyboardEvent) =>
  e.target instanceof HTMLInputElement ||
  e.target instanceof HTMLTextAreaElement ||
  e.target instanceof HTMLSelectElement ||
  (e.target instanceof HTMLElement && e.target.isContentEditable)

/** V toggles the microphone; holding B talks while it is off (push-to-talk). */
export function useVoiceKeys(): void {
  useEffect(() => {
    let pushing = false
    const onDown = (e: KeyboardEvent) => {
      const media = mediaStore.getState().connection?.voice
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
      void mediaStore.getState().connection?.voice?.setMicEnabled(false)
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

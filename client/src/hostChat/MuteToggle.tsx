import { useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'

import { hostVoice } from '../host/hostVoice.ts'
import { HostIcon } from './HostIcon.tsx'
import { setHostMuted } from './hostSpeech.ts'

const isMuted = () => hostVoice.muted

/** Turns the host's voice off and on; subtitles and the panel carry the words either way. */
export function MuteToggle() {
  const { t } = useTranslation()
  const muted = useSyncExternalStore(hostVoice.subscribe, isMuted)
  return (
    <button
      type="button"
      id="host-mute"
      className="icon"
      aria-pressed={muted}
      aria-label={muted ? t('host.unmute') : t('host.mute')}
      title={muted ? t('host.unmute') : t('host.mute')}
      onClick={() => setHostMuted(!muted)}
    >
      <HostIcon name={muted ? 'muted' : 'speaker'} />
    </button>
  )
}

import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from 'zustand'

import { LevelMeter } from './LevelMeter.tsx'
import { mediaStore } from './mediaStore.ts'

/** The media settings popover: microphone device, level meter and the keys. */
export function VoiceSettings({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const devices = useStore(mediaStore, (s) => s.devices)
  const deviceId = useStore(mediaStore, (s) => s.deviceId)
  useEffect(() => void mediaStore.getState().connection?.voice?.listDevices(), [])
  return (
    <div id="voice-settings" className="panel voice-settings" role="dialog" aria-label={t('voice.settings')}>
      <label className="field">
        <span>{t('voice.device')}</span>
        <select
          id="voice-device"
          value={deviceId ?? ''}
          onChange={(e) => void mediaStore.getState().connection?.voice?.selectDevice(e.target.value)}
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

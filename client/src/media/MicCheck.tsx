import { useTranslation } from 'react-i18next'

import { LevelMeter } from './LevelMeter.tsx'
import { useMicTest } from './useMicTest.ts'

/**
 * "Check your microphone" on the join screen: test the microphone and pick the device before entering. Nothing is
 * sent anywhere; in the branch the microphone still starts muted.
 */
export function MicCheck() {
  const { t } = useTranslation()
  const test = useMicTest()
  return (
    <details id="mic-check" className="mic-check">
      <summary>{t('micCheck.title')}</summary>
      <p className="small muted">{t('micCheck.hint')}</p>
      {test.state === 'running' ? (
        <>
          <label className="field">
            <span>{t('voice.device')}</span>
            <select id="mic-check-device" value={test.deviceId ?? ''} onChange={(e) => void test.start(e.target.value)}>
              {test.devices.map((d) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>
          <LevelMeter id="mic-check-level" label={t('voice.level')} read={test.level} />
          <button type="button" id="mic-check-stop" onClick={test.stop}>
            {t('micCheck.stop')}
          </button>
        </>
      ) : (
        <button type="button" id="mic-check-start" onClick={() => void test.start(test.deviceId)}>
          {t('micCheck.start')}
        </button>
      )}
      {(test.state === 'denied' || test.state === 'unavailable') && (
        <p className="error" role="alert">
          {t(test.state === 'denied' ? 'micCheck.denied' : 'micCheck.unavailable')}
        </p>
      )}
    </details>
  )
}

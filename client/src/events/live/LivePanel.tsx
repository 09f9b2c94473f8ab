import { EV_C2S } from '@atrium/common'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { useSession } from '../../auth/useSession.ts'
import { useConnection } from '../../net/useConnection.ts'
import { leaveAuditorium, sendAuditorium } from '../auditoriumConnection.ts'
import { sitDown } from '../takeSeat.ts'
import { useAuditorium } from '../useAuditorium.ts'
import { EventChat } from './EventChat.tsx'
import { HandQueue } from './HandQueue.tsx'
import { PollCreator } from './PollCreator.tsx'
import { PollPanel } from './PollPanel.tsx'
import { QaPanel } from './QaPanel.tsx'
import { SlideControls } from './SlideControls.tsx'

/** The auditorium while seated: stage controls, hands, poll, Q&A and chat; host controls for the host. */
export function LivePanel() {
  const { t } = useTranslation()
  const me = useSession((s) => s.user?.id)
  const connection = useConnection()
  const s = useAuditorium((x) => x)
  const [consented, setConsented] = useState(false)
  const handUp = s.hands.some((h) => h.id === me)

  return (
    <section className="account-section" aria-label={t('events.tabs.live')}>
      <p id="event-phase" role="status" data-phase={s.phase}>
        {s.instance > 1
          ? t('events.live.overflow', { instance: s.instance })
          : t('events.live.instance', { instance: s.instance })}{' '}
        · {t(`events.statuses.${s.phase}`, { defaultValue: s.phase })}
        {s.recording && <strong> {t('events.live.recording')}</strong>}
      </p>
      {s.recording && !consented && !s.host && (
        <p role="alert">
          {t('events.live.consent')}{' '}
          <button type="button" onClick={() => setConsented(true)}>
            {t('events.live.consentOk')}
          </button>
        </p>
      )}
      {s.mutedAt > 0 && <p role="status">{t('events.live.muted')}</p>}
      {s.error && <p role="alert">{s.error}</p>}
      <SlideControls />
      <div className="row">
        {!s.host && (
          <button
            id="event-hand"
            type="button"
            aria-pressed={handUp}
            onClick={() => sendAuditorium(EV_C2S.hand, { up: !handUp })}
          >
            {handUp ? t('events.live.lowerHand') : t('events.live.raiseHand')}
          </button>
        )}
        {s.host && s.phase === 'scheduled' && (
          <button id="event-start" type="button" onClick={() => sendAuditorium(EV_C2S.phase, { phase: 'live' })}>
            {t('events.live.start')}
          </button>
        )}
        {s.host && s.phase === 'live' && (
          <button id="event-end" type="button" onClick={() => sendAuditorium(EV_C2S.phase, { phase: 'ended' })}>
            {t('events.live.end')}
          </button>
        )}
        {s.host && (
          <>
            <button id="event-mute-all" type="button" onClick={() => sendAuditorium(EV_C2S.muteAll, {})}>
              {t('events.live.muteAll')}
            </button>
            <button type="button" onClick={() => sendAuditorium(EV_C2S.recording, { on: !s.recording })}>
              {s.recording ? t('events.live.recordingOff') : t('events.live.recordingOn')}
            </button>
          </>
        )}
        {!s.host && !s.seated && (
          <button id="event-sit" type="button" onClick={() => void sitDown(connection)}>
            {t('events.live.sitDown')}
          </button>
        )}
        <button id="event-leave" type="button" onClick={() => void leaveAuditorium()}>
          {t('events.leave')}
        </button>
      </div>
      <HandQueue />
      <PollPanel />
      {s.host && <PollCreator />}
      <QaPanel />
      <EventChat />
    </section>
  )
}

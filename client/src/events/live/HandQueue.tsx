import { EV_C2S } from '@atrium/common'
import { useTranslation } from 'react-i18next'

import { sendAuditorium } from '../auditoriumConnection.ts'
import { useAuditorium } from '../useAuditorium.ts'

/** The raise-hand queue in order and the speakers on stage; the host promotes, demotes, spotlights and removes. */
export function HandQueue() {
  const { t } = useTranslation()
  const hands = useAuditorium((s) => s.hands)
  const speakers = useAuditorium((s) => s.speakers)
  const host = useAuditorium((s) => s.host)
  const spotlight = useAuditorium((s) => s.spotlight)
  return (
    <div>
      <h4>{t('events.live.hands')}</h4>
      {hands.length === 0 && <p className="muted">{t('events.live.noHands')}</p>}
      <ol id="event-hands">
        {hands.map((h) => (
          <li key={h.id} data-user={h.id}>
            {h.name}
            {host && (
              <>
                {' '}
                <button
                  type="button"
                  data-action="promote"
                  onClick={() => sendAuditorium(EV_C2S.speaker, { userId: h.id, speaker: true })}
                >
                  {t('events.live.promote')}
                </button>
                <button type="button" onClick={() => sendAuditorium(EV_C2S.remove, { userId: h.id })}>
                  {t('events.live.remove')}
                </button>
              </>
            )}
          </li>
        ))}
      </ol>
      {speakers.length > 0 && <h4>{t('events.live.speakers')}</h4>}
      <ul id="event-speakers">
        {speakers.map((p) => (
          <li key={p.id} data-user={p.id}>
            {p.name}
            {spotlight === p.id && ' ★'}
            {host && (
              <>
                {' '}
                <button type="button" onClick={() => sendAuditorium(EV_C2S.speaker, { userId: p.id, speaker: false })}>
                  {t('events.live.demote')}
                </button>
                <button
                  type="button"
                  aria-pressed={spotlight === p.id}
                  onClick={() => sendAuditorium(EV_C2S.spotlight, { userId: spotlight === p.id ? null : p.id })}
                >
                  {t('events.live.spotlight')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}

import type { AttendanceView, EventView, HostRegistrationView } from '@atrium/common'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { eventsApi } from '../eventsApi.ts'
import { SlideUpload } from './SlideUpload.tsx'

/** The host's tools for one event: slides, registrations (approval), chat export, attendance, cancel. */
export function HostEventTools({ event: ev, onChange }: { event: EventView; onChange: () => Promise<void> }) {
  const { t } = useTranslation()
  const [regs, setRegs] = useState<HostRegistrationView[]>([])
  const [sheet, setSheet] = useState<AttendanceView[]>([])
  const [failed, setFailed] = useState(false)

  const reload = useCallback(async () => {
    setRegs(await eventsApi.registrations(ev.id))
    setSheet(await eventsApi.attendance(ev.id))
  }, [ev.id])
  useEffect(() => {
    void reload().catch(() => setFailed(true))
  }, [reload])

  const guard = (fn: () => Promise<unknown>) => () =>
    void fn()
      .then(async () => {
        await onChange()
        await reload()
      })
      .catch(() => setFailed(true))

  return (
    <div className="host-tools">
      <h4>{t('events.host.slides')}</h4>
      <p className="muted" data-role="slide-count" data-slides={ev.slides}>
        {t('events.host.slidesCount', { count: ev.slides })}
      </p>
      <SlideUpload eventId={ev.id} slides={ev.slides} onChange={onChange} />
      <div className="row">
        <button type="button" onClick={guard(() => eventsApi.clearSlides(ev.id))}>
          {t('events.host.clearSlides')}
        </button>
        <button
          type="button"
          onClick={() => void eventsApi.download(`/api/events/${ev.id}/chat.csv`, `${ev.id}-chat.csv`)}
        >
          {t('events.host.exportChat')}
        </button>
        {ev.status === 'scheduled' && (
          <button type="button" onClick={guard(() => eventsApi.cancelEvent(ev.id))}>
            {t('events.host.cancelEvent')}
          </button>
        )}
      </div>
      <h4>{t('events.host.registrations')}</h4>
      <ul>
        {regs.map((r) => (
          <li key={r.userId}>
            {r.name} · {t(`events.registration.${r.status}`, { position: r.waitlistPosition ?? 0 })}
            {r.status === 'pending' && (
              <>
                {' '}
                <button type="button" onClick={guard(() => eventsApi.decide(ev.id, r.userId, true))}>
                  {t('events.host.approve')}
                </button>
                <button type="button" onClick={guard(() => eventsApi.decide(ev.id, r.userId, false))}>
                  {t('events.host.reject')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <h4>{t('events.host.attendance')}</h4>
      <ul>
        {sheet.map((a) => (
          <li key={a.userId}>
            {t('events.host.attendanceRow', {
              name: a.name,
              share: Math.round(a.share * 100),
              quiz: a.quizTotal > 0 ? `${a.quizScore ?? 0}/${a.quizTotal}` : '—',
              eligible: a.eligible ? t('events.host.eligible') : t('events.host.notEligible'),
            })}
          </li>
        ))}
      </ul>
      {failed && <p role="alert">{t('events.errors.generic')}</p>}
    </div>
  )
}

import type { CertificateStatus, EventView, RegistrationView } from '@atrium/common'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { useSession } from '../auth/useSession.ts'
import { useConnection } from '../net/useConnection.ts'
import { joinAuditorium } from './auditoriumConnection.ts'
import { eventsApi } from './eventsApi.ts'
import { pick, when } from './eventText.ts'
import { sitDown } from './takeSeat.ts'
import { useAuditorium } from './useAuditorium.ts'

interface Props {
  event: EventView
  registration: RegistrationView | undefined
  signedIn: boolean
  onChange: () => Promise<void>
  onSeated: () => void
}

/** One event: details, registration state and actions (register, cancel, calendar, seat, certificate). */
export function EventCard({ event: ev, registration, signedIn, onChange, onSeated }: Props) {
  const { t, i18n } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [cert, setCert] = useState<CertificateStatus>()
  const connection = useConnection()
  const joinError = useAuditorium((s) => (s.eventId === ev.id && s.status === 'error' ? s.error : undefined))
  const joined = useAuditorium((s) => s.eventId === ev.id && s.status === 'joined')
  const status = registration?.status ?? 'cancelled'
  const active = status === 'confirmed' || status === 'waitlisted' || status === 'pending'
  const open = ev.status === 'scheduled' || ev.status === 'live'
  const user = useSession((x) => x.user)
  // the host presents; compliance and admins may sit in for oversight; everyone else needs a confirmed seat
  const mayEnter =
    status === 'confirmed' || user?.id === ev.hostId || user?.role === 'compliance' || user?.role === 'admin'

  useEffect(() => {
    if (ev.status === 'ended' && status === 'confirmed') void eventsApi.certificateStatus(ev.id).then(setCert, () => {})
  }, [ev.id, ev.status, status])

  const act = (fn: () => Promise<unknown>) => async () => {
    setBusy(true)
    try {
      await fn()
      await onChange()
    } finally {
      setBusy(false)
    }
  }
  const seat = async () => {
    // already in this event's auditorium (and stood up): only go back to the seat
    if (!joined) await joinAuditorium(ev.id)
    await sitDown(connection)
    onSeated()
  }
  const title = pick(ev.title, i18n.language)

  return (
    <article className="event-card" aria-labelledby={`ev-${ev.id}`} data-event={ev.id}>
      <h3 id={`ev-${ev.id}`}>{title}</h3>
      <p className="muted">
        {t('events.when', { date: when(ev.startsAt, i18n.language), minutes: ev.durationMinutes })} ·{' '}
        {t(`events.statuses.${ev.status}`)} · {t(`events.langs.${ev.lang}`)} · {t('events.by', { name: ev.hostName })}
      </p>
      <p>{pick(ev.description, i18n.language)}</p>
      <p className="muted">
        {t('events.seats', { confirmed: ev.confirmed, capacity: ev.capacity, waitlisted: ev.waitlisted })}
        {ev.approvalRequired && ` · ${t('events.approval')}`}
        {ev.recording && ` · ${t('events.recordingNote')}`}
      </p>
      {signedIn && (
        <p role="status" className="registration-status">
          {t(`events.registration.${status}`, { position: registration?.waitlistPosition ?? 0 })}
        </p>
      )}
      <div className="row">
        {signedIn && open && !active && user?.id !== ev.hostId && (
          <button type="button" disabled={busy} onClick={act(() => eventsApi.register(ev.id))}>
            {t('events.register')}
          </button>
        )}
        {signedIn && open && active && (
          <button type="button" disabled={busy} onClick={act(() => eventsApi.unregister(ev.id))}>
            {t('events.cancelRegistration')}
          </button>
        )}
        {open && (
          <button
            type="button"
            onClick={() => void eventsApi.download(`/api/events/${ev.id}/ics`, `${ev.id}.ics`, false)}
          >
            {t('events.ics')}
          </button>
        )}
        {open && mayEnter && (
          <button type="button" className="primary" data-action="seat" onClick={() => void seat()}>
            {t('events.enter')}
          </button>
        )}
        {cert?.eligible && (
          <button
            type="button"
            onClick={() => void eventsApi.download(`/api/events/${ev.id}/certificate`, `certificate-${ev.id}.pdf`)}
          >
            {t('events.certificate')}
          </button>
        )}
      </div>
      {cert && !cert.eligible && (
        <p className="muted">
          {t(`events.certificateStatus.${cert.reason}`, {
            share: Math.round(cert.share * 100),
            required: Math.round(cert.required * 100),
            score: cert.quizScore ?? 0,
            total: cert.quizTotal,
          })}
        </p>
      )}
      {joinError && <p role="alert">{t('events.errors.join', { message: joinError })}</p>}
    </article>
  )
}

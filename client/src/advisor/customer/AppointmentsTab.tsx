import type { AdvisorTopic, AppointmentView, SlotView } from '@atrium/common'
import { useTranslation } from 'react-i18next'

import { ErrorText } from '../../account/ErrorText.tsx'
import { useApiResource } from '../../account/useApiResource.ts'
import { advisorApi, downloadIcs } from '../advisorApi.ts'
import { formatWhen, localTimeZone } from '../formatTime.ts'
import { useAsync } from '../useAsync.ts'

/** Book, move or cancel an appointment in the visitor's own time zone; each booking has an .ics file. */
export function AppointmentsTab() {
  const { t, i18n } = useTranslation()
  const slots = useApiResource<{ slots: SlotView[] }>('/api/advisors/slots')
  const mine = useApiResource<{ appointments: AppointmentView[] }>('/api/advisors/appointments')
  const { busy, error, run } = useAsync()
  const zone = localTimeZone()
  const reload = () => {
    slots.reload()
    mine.reload()
  }
  const booked = (mine.data?.appointments ?? []).filter((a) => a.status === 'booked')
  return (
    <div className="advisor-form" id="advisor-appointments">
      <h3>{t('advisor.appointments.mine')}</h3>
      {booked.length === 0 && <p className="muted">{t('advisor.appointments.none')}</p>}
      <ul className="advisor-list">
        {booked.map((a) => (
          <li key={a.id}>
            <span>
              {formatWhen(a.startsAt, i18n.language, a.timeZone)} · {a.advisor.displayName} ·{' '}
              {t(`advisor.topics.${a.topic}`)}
            </span>
            <button type="button" onClick={() => void run(() => downloadIcs(a.id))}>
              {t('advisor.appointments.ics')}
            </button>
            <button type="button" disabled={busy} onClick={() => void run(() => advisorApi.cancel(a.id)).then(reload)}>
              {t('advisor.appointments.cancel')}
            </button>
          </li>
        ))}
      </ul>
      <h3>{t('advisor.appointments.open', { zone })}</h3>
      <ul className="advisor-list">
        {(slots.data?.slots ?? []).map((s) => (
          <li key={s.id}>
            <span>
              {formatWhen(s.startsAt, i18n.language, zone)} · {s.advisor.displayName}
            </span>
            {s.topics.map((topic: AdvisorTopic) => (
              <button
                key={topic}
                type="button"
                disabled={busy}
                onClick={() =>
                  void run(() =>
                    booked[0] ? advisorApi.move(booked[0].id, s.id) : advisorApi.book(s.id, topic, zone),
                  ).then(reload)
                }
              >
                {booked[0]
                  ? t('advisor.appointments.moveHere')
                  : t('advisor.appointments.book', { topic: t(`advisor.topics.${topic}`) })}
              </button>
            ))}
          </li>
        ))}
      </ul>
      <ErrorText message={error ?? slots.error ?? mine.error} />
    </div>
  )
}

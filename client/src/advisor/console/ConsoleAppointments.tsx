import type { AppointmentView } from '@atrium/common'
import { useTranslation } from 'react-i18next'

import { ErrorText } from '../../account/ErrorText.tsx'
import { advisorApi } from '../advisorApi.ts'
import { formatWhen } from '../formatTime.ts'
import { useAsync } from '../useAsync.ts'

/** Today's appointments (from two hours ago to a day ahead); starting one opens its suite. */
export function ConsoleAppointments(props: {
  appointments: AppointmentView[]
  onStarted: (reference: string) => void
}) {
  const { t, i18n } = useTranslation()
  const { busy, error, run } = useAsync()
  return (
    <section aria-labelledby="console-today">
      <h3 id="console-today">{t('advisor.console.today')}</h3>
      {props.appointments.length === 0 && <p className="muted">{t('advisor.appointments.none')}</p>}
      <ul className="advisor-list">
        {props.appointments.map((a) => (
          <li key={a.id}>
            <span>
              {formatWhen(a.startsAt, i18n.language)} · {a.customer.displayName} · {t(`advisor.topics.${a.topic}`)} (
              {a.timeZone})
            </span>
            {a.status === 'booked' && (
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  void run(() => advisorApi.start(a.id)).then((r) => r && props.onStarted(r.session.reference))
                }
              >
                {t('advisor.console.start')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <ErrorText message={error} />
    </section>
  )
}

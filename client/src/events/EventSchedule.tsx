import type { EventReminder, EventView, RegistrationView } from '@atrium/common'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { useSession } from '../auth/useSession.ts'
import { EventCard } from './EventCard.tsx'
import { eventsApi } from './eventsApi.ts'
import { pick, when } from './eventText.ts'

/** The list of events with the visitor's registrations and in-app reminders. */
export function EventSchedule({ onSeated }: { onSeated: () => void }) {
  const { t, i18n } = useTranslation()
  const signedIn = useSession((s) => s.status === 'signedIn')
  const [events, setEvents] = useState<EventView[]>()
  const [mine, setMine] = useState<Record<string, RegistrationView>>({})
  const [reminders, setReminders] = useState<EventReminder[]>([])
  const [failed, setFailed] = useState(false)

  const reload = useCallback(async () => {
    try {
      setEvents(await eventsApi.list())
      if (signedIn) {
        const regs = await eventsApi.mine()
        setMine(Object.fromEntries(regs.map((r) => [r.eventId, r])))
        setReminders(await eventsApi.reminders())
      }
      setFailed(false)
    } catch {
      setFailed(true)
    }
  }, [signedIn])

  useEffect(() => {
    void reload()
  }, [reload])

  if (failed) return <p role="alert">{t('events.errors.generic')}</p>
  if (!events) return <p className="muted">{t('events.loading')}</p>
  return (
    <section className="account-section" aria-label={t('events.tabs.schedule')}>
      {reminders.length > 0 && (
        <ul aria-label="reminders">
          {reminders.map((r) => (
            <li key={`${r.eventId}-${r.kind}`} role="status">
              {t(`events.reminders.${r.kind}`, {
                title: pick(r.title, i18n.language),
                date: when(r.startsAt, i18n.language),
              })}
            </li>
          ))}
        </ul>
      )}
      {!signedIn && <p className="muted">{t('events.signInToRegister')}</p>}
      {events.length === 0 && <p className="muted">{t('events.empty')}</p>}
      {events.map((ev) => (
        <EventCard
          key={ev.id}
          event={ev}
          registration={mine[ev.id]}
          signedIn={signedIn}
          onChange={reload}
          onSeated={onSeated}
        />
      ))}
    </section>
  )
}

import type { EventView } from '@atrium/common'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { useSession } from '../../auth/useSession.ts'
import { eventsApi } from '../eventsApi.ts'
import { pick, when } from '../eventText.ts'
import { CreateEventForm } from './CreateEventForm.tsx'
import { HostEventTools } from './HostEventTools.tsx'

/** An educator's events: schedule new ones, and the tools of each one they host. */
export function HostEvents() {
  const { t, i18n } = useTranslation()
  const me = useSession((s) => s.user?.id)
  const [events, setEvents] = useState<EventView[]>([])
  const [openId, setOpenId] = useState<string>()

  const reload = useCallback(async () => {
    setEvents((await eventsApi.list()).filter((e) => e.hostId === me))
  }, [me])
  useEffect(() => {
    void reload()
  }, [reload])

  return (
    <section className="account-section">
      <CreateEventForm onCreated={reload} />
      <h3>{t('events.host.mine')}</h3>
      {events.map((ev) => (
        <details key={ev.id} open={openId === ev.id} onToggle={(e) => e.currentTarget.open && setOpenId(ev.id)}>
          <summary>
            {pick(ev.title, i18n.language)} · {when(ev.startsAt, i18n.language)} · {t(`events.statuses.${ev.status}`)}
          </summary>
          {openId === ev.id && <HostEventTools event={ev} onChange={reload} />}
        </details>
      ))}
    </section>
  )
}

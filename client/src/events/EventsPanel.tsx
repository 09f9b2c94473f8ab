import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { useSession } from '../auth/useSession.ts'
import { EventSchedule } from './EventSchedule.tsx'
import { HostEvents } from './host/HostEvents.tsx'
import { LivePanel } from './live/LivePanel.tsx'
import { useAuditorium } from './useAuditorium.ts'

type Tab = 'schedule' | 'host' | 'live'

/** Tabs of the events dialog: the schedule for everyone, hosting for educators, the auditorium while seated. */
export function EventsPanel() {
  const { t } = useTranslation()
  const role = useSession((s) => s.user?.role)
  const seated = useAuditorium((s) => s.status === 'joined')
  const [tab, setTab] = useState<Tab>(seated ? 'live' : 'schedule')
  const tabs: Tab[] = [
    'schedule',
    ...(role === 'educator' ? (['host'] as const) : []),
    ...(seated ? (['live'] as const) : []),
  ]
  const shown = tabs.includes(tab) ? tab : 'schedule'
  return (
    <>
      <div className="segmented tabs" role="tablist">
        {tabs.map((k) => (
          <button
            key={k}
            id={`events-tab-${k}`}
            type="button"
            role="tab"
            aria-selected={shown === k}
            onClick={() => setTab(k)}
          >
            {t(`events.tabs.${k}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {shown === 'schedule' && <EventSchedule onSeated={() => setTab('live')} />}
        {shown === 'host' && <HostEvents />}
        {shown === 'live' && <LivePanel />}
      </div>
    </>
  )
}

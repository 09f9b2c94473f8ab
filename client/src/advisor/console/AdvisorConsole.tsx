import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { advisorApi } from '../advisorApi.ts'
import { PanelFrame } from '../PanelFrame.tsx'
import { usePolling } from '../usePolling.ts'
import { AvailabilityEditor } from './AvailabilityEditor.tsx'
import { ConsoleAppointments } from './ConsoleAppointments.tsx'
import { ConsoleQueue } from './ConsoleQueue.tsx'
import { SessionWorkspace } from './SessionWorkspace.tsx'

/**
 * The advisor console, full screen over the branch and usable on a laptop beside a headset: the live queue, today's
 * appointments, availability, and the running session's workspace (context, notes, follow-ups, summary).
 */
export function AdvisorConsole() {
  const { t } = useTranslation()
  const { data, refresh } = usePolling(advisorApi.console, 3000)
  const [selected, setSelected] = useState<string>()
  const active = data?.sessions ?? []
  const current = active.find((s) => s.reference === selected) ?? active[0]
  const opened = (reference: string) => {
    setSelected(reference)
    refresh()
  }
  return (
    <PanelFrame title={t('advisor.console.title')} className="advisor-console">
      <div className="console-grid">
        <ConsoleQueue queue={data?.queue ?? []} onAccepted={opened} onChanged={refresh} />
        <ConsoleAppointments appointments={data?.appointments ?? []} onStarted={opened} />
        {current ? (
          <SessionWorkspace key={current.reference} session={current} onEnded={refresh} />
        ) : (
          <p className="muted">{t('advisor.console.noSession')}</p>
        )}
        <AvailabilityEditor />
      </div>
    </PanelFrame>
  )
}

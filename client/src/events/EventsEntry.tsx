import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { Dialog } from '../account/Dialog.tsx'
import { EventsPanel } from './EventsPanel.tsx'
import { useAuditorium } from './useAuditorium.ts'

/** The overlay's entry to investor-education events: schedule, registration, the auditorium controls. */
export function EventsEntry() {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const seated = useAuditorium((s) => s.status === 'joined')
  return (
    <>
      <button id="hud-events" type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('events.open')}
        {seated && ' ●'}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} labelledBy="events-heading" className="account wide">
        <header className="dialog-head">
          <h2 id="events-heading">{t('events.title')}</h2>
          <button type="button" className="close" onClick={() => setOpen(false)} aria-label={t('events.close')}>
            ×
          </button>
        </header>
        <EventsPanel />
      </Dialog>
    </>
  )
}

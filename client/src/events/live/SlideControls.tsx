import { EV_C2S } from '@atrium/common'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

import { sendAuditorium } from '../auditoriumConnection.ts'
import { useAuditorium } from '../useAuditorium.ts'

/** Slide number for everyone; previous/next (and PageUp/PageDown) for the presenter only. */
export function SlideControls() {
  const { t } = useTranslation()
  const page = useAuditorium((s) => s.page)
  const slides = useAuditorium((s) => s.slides)
  const presenter = useAuditorium((s) => s.presenter)
  const go = (p: number) => {
    if (p >= 0 && p < slides) sendAuditorium(EV_C2S.slide, { page: p })
  }

  useEffect(() => {
    if (!presenter) return
    // presenter remotes send PageUp/PageDown; the keys work while the panel is closed too
    const onKey = (e: KeyboardEvent) => {
      if (e.code === 'PageDown') go(page + 1)
      else if (e.code === 'PageUp') go(page - 1)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  return (
    <div className="row" aria-label={t('events.host.slides')}>
      <span id="event-slide" role="status" data-page={page} data-slides={slides}>
        {slides > 0 ? t('events.live.slide', { page: page + 1, count: slides }) : t('events.live.noSlides')}
      </span>
      {presenter && (
        <>
          <button
            id="event-prev"
            type="button"
            disabled={page <= 0}
            onClick={() => go(page - 1)}
            aria-keyshortcuts="PageUp"
          >
            {t('events.live.prev')}
          </button>
          <button
            id="event-next"
            type="button"
            disabled={page >= slides - 1}
            onClick={() => go(page + 1)}
            aria-keyshortcuts="PageDown"
          >
            {t('events.live.next')}
          </button>
        </>
      )}
    </div>
  )
}

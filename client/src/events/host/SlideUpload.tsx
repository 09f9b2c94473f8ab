import { EVENT_LIMITS } from '@atrium/common'
import type { ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { useSlideUpload, type SlideUploadState } from './useSlideUpload.ts'

/** What the file picker offers: the slide image types, and PDF decks that the browser renders to images. */
const ACCEPT = 'image/png,image/jpeg,image/webp,application/pdf,.pdf'

/**
 * The slide file picker of the host tools, with the upload's progress ("Rendering page 3 of 12…") and, when a
 * file or page fails, what failed and a retry that continues from there.
 *
 * @example
 * <SlideUpload eventId={ev.id} slides={ev.slides} onChange={reload} />
 */
export function SlideUpload({
  eventId,
  slides,
  onChange,
}: {
  eventId: string
  slides: number
  onChange: () => Promise<void>
}) {
  const { t } = useTranslation()
  const { state, add, retry } = useSlideUpload(eventId, slides, onChange)

  const choose = (e: ChangeEvent<HTMLInputElement>) => {
    add([...(e.target.files ?? [])])
    // cleared, so choosing the same file again (after fixing it) fires a change
    e.target.value = ''
  }

  return (
    <>
      <label>
        {t('events.host.upload')}{' '}
        <input
          type="file"
          accept={ACCEPT}
          multiple
          disabled={state.status === 'working'}
          onChange={choose}
          data-role="slide-upload"
        />
      </label>
      <p className="muted" role="status" data-role="slide-upload-status" data-status={state.status}>
        {statusLine(state, t)}
      </p>
      {state.status === 'failed' && (
        <p role="alert" data-role="slide-upload-error" data-kind={state.failure.kind}>
          {failureLine(state, t)}{' '}
          {state.canRetry && (
            <button type="button" onClick={retry}>
              {'page' in state.failure
                ? t('events.host.pdf.retryFrom', { page: state.failure.page })
                : t('events.host.pdf.retry')}
            </button>
          )}
        </p>
      )}
    </>
  )
}

type T = ReturnType<typeof useTranslation>['t']

/** The progress line; empty when idle or failed (the alert says what happened). */
function statusLine(state: SlideUploadState, t: T): string {
  if (state.status === 'done') return t('events.host.pdf.done', { count: state.added })
  if (state.status !== 'working') return ''
  const p = state.progress
  if (p.step === 'image' || p.step === 'opening') return t(`events.host.pdf.${p.step}`, { name: state.name })
  if (p.step === 'done') return t('events.host.pdf.done', { count: p.added })
  return t(`events.host.pdf.${p.step}`, { page: p.page, pages: p.pages })
}

function failureLine(state: Extract<SlideUploadState, { status: 'failed' }>, t: T): string {
  const f = state.failure
  switch (f.kind) {
    case 'image':
      return t('events.host.pdf.errors.image', { name: state.name, mb: EVENT_LIMITS.slideMaxBytes / 2 ** 20 })
    case 'broken':
    case 'locked':
      return t(`events.host.pdf.errors.${f.kind}`, { name: state.name })
    case 'tooMany':
      return t('events.host.pdf.errors.tooMany', { name: state.name, pages: f.pages, room: f.room })
    default:
      return t(`events.host.pdf.errors.${f.kind}`, { name: state.name, page: f.page, pages: f.pages })
  }
}

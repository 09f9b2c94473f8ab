import { useCallback, useRef, useState } from 'react'

import { eventsApi } from '../eventsApi.ts'
import { PdfSlideError, type PdfSlideFailure } from './pdfSlideMath.ts'
import { openPdfDeck } from './pdfSlides.ts'
import { uploadPdfDeck, type PdfProgress } from './pdfSlideUpload.ts'

/** One chosen file still to upload; `from` is the PDF page a retry starts at. */
interface Pending {
  file: File
  from?: number
}

const asPending = (file: File): Pending => ({ file })

/** Where a slide upload stands, for SlideUpload.tsx. */
export type SlideUploadState =
  | { status: 'idle' }
  | { status: 'working'; name: string; progress: PdfProgress | { step: 'image' } }
  | { status: 'done'; added: number }
  | { status: 'failed'; name: string; failure: PdfSlideFailure | { kind: 'image' }; canRetry: boolean }

/** Whether a chosen file is a PDF deck (some systems give PDFs no MIME type, hence the name check). */
export const isPdf = (file: File) => file.type === 'application/pdf' || /\.pdf$/i.test(file.name)

/**
 * Uploads chosen slide files in order: images as they are, PDFs page by page as images (pdfSlideUpload.ts). The
 * first failure stops the run and says which file (and page); `retry` continues from there, so pages already
 * uploaded are neither lost nor uploaded twice. `onChange` reloads the event (its slide count) after each run.
 *
 * @example
 * const { state, add, retry } = useSlideUpload(ev.id, ev.slides, onChange)
 * <input type="file" onChange={(e) => add([...(e.target.files ?? [])])} />
 */
export function useSlideUpload(eventId: string, slides: number, onChange: () => Promise<void>) {
  const [state, setState] = useState<SlideUploadState>({ status: 'idle' })
  const left = useRef<Pending[]>([])
  const running = useRef(false)

  const run = useCallback(
    async (queue: Pending[], existing: number) => {
      if (running.current || queue.length === 0) return
      running.current = true
      let added = 0
      try {
        for (let i = 0; i < queue.length; i++) {
          const item = queue[i]!
          const name = item.file.name
          /** Stops the run; a retry starts with `again` (if any) and the files after this one. */
          const fail = (failure: PdfSlideFailure | { kind: 'image' }, again?: Pending) => {
            left.current = [...(again ? [again] : []), ...queue.slice(i + 1)]
            setState({ status: 'failed', name, failure, canRetry: left.current.length > 0 })
          }
          if (!isPdf(item.file)) {
            setState({ status: 'working', name, progress: { step: 'image' } })
            try {
              await eventsApi.uploadSlide(eventId, item.file)
              added++
            } catch {
              return fail({ kind: 'image' }, item)
            }
            continue
          }
          try {
            added += await uploadPdfDeck({
              file: item.file,
              existing: existing + added,
              ...(item.from !== undefined && { from: item.from }),
              open: openPdfDeck,
              upload: (image) => eventsApi.uploadSlide(eventId, image),
              onProgress: (progress) => setState({ status: 'working', name, progress }),
            })
          } catch (e) {
            const failure: PdfSlideFailure = e instanceof PdfSlideError ? e.failure : { kind: 'broken' }
            // the pages before a failed page are on the server: a retry starts at the failed page
            return fail(failure, 'page' in failure ? { file: item.file, from: failure.page } : undefined)
          }
        }
        left.current = []
        setState({ status: 'done', added })
      } finally {
        running.current = false
        await onChange().catch(() => {})
      }
    },
    [eventId, onChange],
  )

  /** Uploads newly chosen files; ignored while a run is in progress. */
  const add = useCallback((files: File[]) => void run(files.map(asPending), slides), [run, slides])
  /** Continues a failed run at the file (and page) that failed; `slides` has been reloaded since. */
  const retry = useCallback(() => void run(left.current, slides), [run, slides])
  return { state, add, retry }
}

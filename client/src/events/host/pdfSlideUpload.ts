import { PdfSlideError, slideRoom } from './pdfSlideMath.ts'

/** An opened PDF: its page count and each page as a slide image (see pdfSlides.ts). */
export interface PdfDeck {
  pages: number
  /** Page `page` (1-based) as an encoded image; may throw PdfSlideError `tooLarge`. */
  render(page: number): Promise<Blob>
  /** Frees the document and its worker-side data. */
  close(): Promise<void>
}

/** Where an upload stands, for the progress line. */
export type PdfProgress =
  | { step: 'opening' }
  | { step: 'rendering' | 'uploading'; page: number; pages: number }
  | { step: 'done'; added: number }

/** What {@link uploadPdfDeck} needs: the file, where to start, and the two effects it drives. */
export interface PdfUploadJob {
  file: Blob
  /** Slides the event holds already (the limit counts them). */
  existing: number
  /** First page to upload (1-based): a retry continues where a failed run stopped. */
  from?: number
  open(file: Blob): Promise<PdfDeck>
  /** Appends one slide image to the event's deck. */
  upload(image: Blob): Promise<unknown>
  onProgress(progress: PdfProgress): void
}

/**
 * Renders a PDF page by page and uploads each page as one slide, in order, so every attendee gets the same images
 * as an image upload would give. Nothing is uploaded when the pages do not fit the event's slide limit. A page
 * that fails stops the run with a PdfSlideError naming it: the pages before it stay uploaded and a retry with
 * `from` set to that page completes the deck without duplicates. Returns the number of pages uploaded.
 */
export async function uploadPdfDeck(job: PdfUploadJob): Promise<number> {
  const from = job.from ?? 1
  job.onProgress({ step: 'opening' })
  const deck = await job.open(job.file)
  try {
    const room = slideRoom(job.existing)
    const wanted = deck.pages - from + 1
    if (wanted > room) throw new PdfSlideError({ kind: 'tooMany', pages: deck.pages, room })
    for (let page = from; page <= deck.pages; page++) {
      job.onProgress({ step: 'rendering', page, pages: deck.pages })
      // one page at a time: a 200-page deck would not fit in memory as canvases or blobs at once
      const image = await deck.render(page).catch((e: unknown) => {
        throw e instanceof PdfSlideError ? e : new PdfSlideError({ kind: 'render', page, pages: deck.pages })
      })
      job.onProgress({ step: 'uploading', page, pages: deck.pages })
      try {
        await job.upload(image)
      } catch {
        throw new PdfSlideError({ kind: 'upload', page, pages: deck.pages })
      }
    }
    job.onProgress({ step: 'done', added: wanted })
    return wanted
  } finally {
    await deck.close()
  }
}

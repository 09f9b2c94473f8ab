import type { PDFDocumentProxy } from 'pdfjs-dist'
// `?worker&url`: Vite bundles the worker as a .js chunk of our build (a module worker needs a JavaScript MIME
// type, and the server serves .mjs as octet-stream) and gives its URL; nothing is fetched from a CDN
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?worker&url'

import { encodeWithin, openFailure, PdfSlideError, slideSize } from './pdfSlideMath.ts'
import type { PdfDeck } from './pdfSlideUpload.ts'

type PdfJs = typeof import('pdfjs-dist')

let loading: Promise<PdfJs> | undefined

/** pdf.js on first use only: it is several hundred KB that attendees, and hosts without PDFs, never need. */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= import('pdfjs-dist').then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = workerUrl
    return lib
  })
  // a failed chunk load may succeed on the next try
  loading.catch(() => (loading = undefined))
  return loading
}

/**
 * Absolute URL of a folder that scripts/copy-pdfjs-assets.mjs copied into the public folder. Absolute because
 * the worker fetches CMaps and fonts itself and would resolve a relative URL against its own script's folder.
 */
const assetFolder = (name: string) => new URL(`${import.meta.env.BASE_URL}pdfjs/${name}/`, window.location.href).href

/**
 * Opens a PDF for slides with pdf.js in a worker. CMaps (for CJK text in fonts the PDF does not embed) and the
 * standard fonts come from our own origin; eval stays off, which the server's Content-Security-Policy forbids
 * anyway. Throws PdfSlideError `broken` or `locked` (password-protected).
 */
export async function openPdfDeck(file: Blob): Promise<PdfDeck> {
  const lib = await loadPdfJs()
  const task = lib.getDocument({
    data: new Uint8Array(await file.arrayBuffer()),
    cMapUrl: assetFolder('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assetFolder('standard_fonts'),
    isEvalSupported: false,
    enableXfa: false,
  })
  let doc: PDFDocumentProxy
  try {
    doc = await task.promise
  } catch (e) {
    await task.destroy()
    throw new PdfSlideError(openFailure(e))
  }
  return {
    pages: doc.numPages,
    render: (page) => renderPage(doc, page),
    close: () => task.destroy(),
  }
}

/** Draws one page on a canvas of slide size (pdfSlideMath.ts) and encodes it for upload. */
async function renderPage(doc: PDFDocumentProxy, pageNumber: number): Promise<Blob> {
  const page = await doc.getPage(pageNumber)
  const canvas = document.createElement('canvas')
  try {
    const natural = page.getViewport({ scale: 1 })
    const size = slideSize(natural.width, natural.height)
    canvas.width = size.width
    canvas.height = size.height
    // opaque: a slide has no transparency, and pdf.js paints the page white first
    const ctx = canvas.getContext('2d', { alpha: false })
    if (!ctx) throw new Error('no 2D canvas context')
    await page.render({ canvasContext: ctx, viewport: page.getViewport({ scale: size.scale }) }).promise
    const blob = await encodeWithin(
      (type, quality) => new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, quality)),
    )
    if (!blob) throw new PdfSlideError({ kind: 'tooLarge', page: pageNumber, pages: doc.numPages })
    return blob
  } finally {
    // free the page's decoded images and the canvas memory now, not at the next garbage collection
    page.cleanup()
    canvas.width = canvas.height = 0
  }
}

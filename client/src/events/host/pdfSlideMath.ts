import { EVENT_LIMITS } from '@atrium/common'

/** How PDF pages become slide images. */
export const PDF_SLIDE = {
  /** Width of a landscape page's image: sharp on the stage screen, still a few hundred KB as WebP. */
  maxWidth: 1600,
  /** Height limit, so a portrait page does not become a texture twice the size of a landscape one. */
  maxHeight: 1600,
  /**
   * Encodings tried in turn until one fits the upload limit: WebP first (small, decoded everywhere we run), JPEG
   * where the browser cannot encode WebP (canvas.toBlob then silently returns PNG, which is often too big).
   */
  encodings: [
    { type: 'image/webp', quality: 0.9 },
    { type: 'image/webp', quality: 0.75 },
    { type: 'image/jpeg', quality: 0.85 },
    { type: 'image/jpeg', quality: 0.6 },
  ],
} as const

/** The image types the slide endpoint accepts (server/src/services/events/SlideService.ts). */
const ACCEPTED = new Set(['image/png', 'image/jpeg', 'image/webp'])

/** Pixel size of a page's image and the pdf.js viewport scale that gives it (PDF units are 1/72 inch). */
export interface SlideSize {
  width: number
  height: number
  scale: number
}

/**
 * The image size of a page of `pageWidth` × `pageHeight` PDF units: as large as fits in
 * {@link PDF_SLIDE.maxWidth} × {@link PDF_SLIDE.maxHeight}, keeping the aspect ratio.
 *
 * @example
 * slideSize(842, 595) // A4 landscape → { width: 1600, height: 1131, scale: 1.900… }
 */
export function slideSize(pageWidth: number, pageHeight: number): SlideSize {
  if (!(pageWidth > 0 && pageHeight > 0)) throw new RangeError(`a page of ${pageWidth} × ${pageHeight} has no area`)
  const scale = Math.min(PDF_SLIDE.maxWidth / pageWidth, PDF_SLIDE.maxHeight / pageHeight)
  return {
    // Math.min: float error must never make a side one pixel wider than the limit
    width: Math.max(1, Math.min(PDF_SLIDE.maxWidth, Math.round(pageWidth * scale))),
    height: Math.max(1, Math.min(PDF_SLIDE.maxHeight, Math.round(pageHeight * scale))),
    scale,
  }
}

/** How many more slides an event holding `existing` can take. */
export function slideRoom(existing: number, max: number = EVENT_LIMITS.maxSlides): number {
  return Math.max(0, max - existing)
}

/** Why a PDF deck did not upload in full; pages are 1-based, as the host sees them. */
export type PdfSlideFailure =
  | { kind: 'broken' }
  | { kind: 'locked' }
  | { kind: 'tooMany'; pages: number; room: number }
  | { kind: 'render' | 'tooLarge' | 'upload'; page: number; pages: number }

/** A PDF deck that could not be (fully) uploaded; `failure` says why and at which page. */
export class PdfSlideError extends Error {
  constructor(readonly failure: PdfSlideFailure) {
    super(`pdf slides: ${failure.kind}${'page' in failure ? ` at page ${failure.page}` : ''}`)
    this.name = 'PdfSlideError'
  }
}

/**
 * What an error from pdf.js's `getDocument` means for the host. pdf.js 4 does not export its PasswordException,
 * so it is recognised by name; anything else (InvalidPDFException, a truncated file, …) is a broken file.
 */
export function openFailure(error: unknown): PdfSlideFailure {
  const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : undefined
  return name === 'PasswordException' ? { kind: 'locked' } : { kind: 'broken' }
}

/**
 * Encodes a rendered page with the first of {@link PDF_SLIDE.encodings} that the browser supports and that fits
 * in `maxBytes`; undefined when none does. `encode` is canvas.toBlob as a promise.
 */
export async function encodeWithin(
  encode: (type: string, quality: number) => Promise<Blob | null>,
  maxBytes: number = EVENT_LIMITS.slideMaxBytes,
): Promise<Blob | undefined> {
  const unsupported = new Set<string>()
  for (const { type, quality } of PDF_SLIDE.encodings) {
    if (unsupported.has(type)) continue
    const blob = await encode(type, quality)
    if (!blob || !ACCEPTED.has(blob.type)) continue
    // toBlob falls back to PNG for a type it cannot encode: asking again at another quality would not help
    if (blob.type !== type) unsupported.add(type)
    if (blob.size <= maxBytes) return blob
  }
  return undefined
}

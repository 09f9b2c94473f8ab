import { EVENT_LIMITS } from '@atrium/common'
import { describe, expect, it } from 'vitest'

import { PdfSlideError } from './pdfSlideMath.ts'
import { uploadPdfDeck, type PdfDeck, type PdfProgress } from './pdfSlideUpload.ts'

/** A fake deck whose page images carry their page number; `failAt` makes that page's render throw. */
function fakeDeck(pages: number, failAt?: number) {
  const state = { closed: false, rendered: [] as number[] }
  const deck: PdfDeck = {
    pages,
    async render(page) {
      if (page === failAt) throw new Error('bad page')
      state.rendered.push(page)
      return new Blob([String(page)], { type: 'image/webp' })
    },
    async close() {
      state.closed = true
    },
  }
  return { deck, state }
}

async function run(deck: PdfDeck, opts: { existing?: number; from?: number; failUploadAt?: number } = {}) {
  const uploaded: string[] = []
  const progress: PdfProgress[] = []
  const result = uploadPdfDeck({
    file: new Blob(['%PDF']),
    existing: opts.existing ?? 0,
    ...(opts.from !== undefined && { from: opts.from }),
    open: async () => deck,
    upload: async (image) => {
      const page = await image.text()
      if (Number(page) === opts.failUploadAt) throw new Error('503')
      uploaded.push(page)
    },
    onProgress: (p) => progress.push(p),
  })
  return { result, uploaded, progress }
}

describe('uploadPdfDeck', () => {
  it('renders and uploads every page in order, reporting progress', async () => {
    const { deck, state } = fakeDeck(3)
    const r = await run(deck)
    expect(await r.result).toBe(3)
    expect(r.uploaded).toEqual(['1', '2', '3'])
    expect(r.progress[0]).toEqual({ step: 'opening' })
    expect(r.progress).toContainEqual({ step: 'rendering', page: 3, pages: 3 })
    expect(r.progress).toContainEqual({ step: 'uploading', page: 2, pages: 3 })
    expect(r.progress.at(-1)).toEqual({ step: 'done', added: 3 })
    expect(state.closed).toBe(true)
  })

  it('uploads nothing when the pages do not fit the event', async () => {
    const { deck, state } = fakeDeck(5)
    const r = await run(deck, { existing: EVENT_LIMITS.maxSlides - 4 })
    await expect(r.result).rejects.toEqual(new PdfSlideError({ kind: 'tooMany', pages: 5, room: 4 }))
    expect(state.rendered).toEqual([])
    expect(r.uploaded).toEqual([])
    expect(state.closed).toBe(true)
  })

  it('stops at a page that does not render, keeping the pages before it', async () => {
    const { deck, state } = fakeDeck(4, 3)
    const r = await run(deck)
    await expect(r.result).rejects.toMatchObject({ failure: { kind: 'render', page: 3, pages: 4 } })
    expect(r.uploaded).toEqual(['1', '2'])
    expect(state.closed).toBe(true)
  })

  it('names the page whose upload failed, and a retry from it completes the deck without duplicates', async () => {
    const first = await run(fakeDeck(4).deck, { failUploadAt: 2 })
    await expect(first.result).rejects.toMatchObject({ failure: { kind: 'upload', page: 2, pages: 4 } })
    expect(first.uploaded).toEqual(['1'])
    const again = await run(fakeDeck(4).deck, { from: 2, existing: 1 })
    expect(await again.result).toBe(3)
    expect([...first.uploaded, ...again.uploaded]).toEqual(['1', '2', '3', '4'])
  })

  it('counts only the remaining pages against the limit on a retry', async () => {
    const r = await run(fakeDeck(10).deck, { from: 9, existing: EVENT_LIMITS.maxSlides - 2 })
    expect(await r.result).toBe(2)
  })

  it('passes a render error of its own (too large) through unchanged', async () => {
    const deck: PdfDeck = {
      pages: 2,
      render: async (page) => {
        throw new PdfSlideError({ kind: 'tooLarge', page, pages: 2 })
      },
      close: async () => {},
    }
    await expect((await run(deck)).result).rejects.toMatchObject({ failure: { kind: 'tooLarge', page: 1 } })
  })
})

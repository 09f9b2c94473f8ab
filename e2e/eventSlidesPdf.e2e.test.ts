import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

import type { EventView, SessionResponse } from '@atrium/common'
import PDFDocument from 'pdfkit'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

// window.__atrium, installed with ?testhook
import type {} from '../client/src/media/mediaTestHookTypes.ts'
import { api } from './api.ts'
import { launch, openPage } from './browser.ts'

let browser: Browser
let session: Awaited<ReturnType<typeof openPage>>
let page: Page
let base: string
let token: string
let event: EventView
/** Every pdf.js asset (worker, CMaps, fonts) the page loaded, with its status. */
const pdfAssets: { url: string; status: number }[] = []

/** The API as the signed-in educator. */
const call = <T>(method: string, path: string, body?: unknown) => api<T>(base, method, path, token, body)

/** Noto Sans SC, the CJK font the server's own PDF writer embeds (server/src/services/pdf/renderPdf.ts). */
function cjkFont(): Buffer {
  const entry = createRequire(join(import.meta.dirname, '../server/package.json')).resolve('@embedpdf/fonts-sc')
  return readFileSync(join(dirname(entry), '..', 'fonts', 'NotoSansHans-Regular.otf'))
}

/** A 16:9 PDF (960 × 540 pt) with pdfkit: one page per entry of `pages`, each a heading and a Chinese line. */
async function pdfkitDeck(pages: string[], extra: Record<string, unknown> = {}): Promise<Buffer> {
  const options = { size: [960, 540] as [number, number], margin: 48, ...extra }
  const doc = new PDFDocument(options)
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise((resolve) => doc.on('end', resolve))
  doc.registerFont('cjk', cjkFont())
  pages.forEach((heading, i) => {
    if (i > 0) doc.addPage()
    doc.rect(0, 0, 960, 90).fill(['#0b3d66', '#9a3412', '#166534'][i % 3])
    doc.font('cjk').fontSize(54).fillColor('#1a1a1a').text(heading, 48, 140)
    doc.fontSize(40).text(`第 ${i + 1} 页：债券与基金入门`, 48, 260)
  })
  doc.end()
  await done
  return Buffer.concat(chunks)
}

/**
 * A one-page PDF whose Chinese text uses the non-embedded Adobe font STSong-Light with the predefined CMap
 * UniGB-UCS2-H: pdf.js can only read its character codes with that CMap from its cMapUrl.
 */
function unembeddedCjkPdf(): Buffer {
  const text = '<4E2D65875E7B706F7247>' // 中文幻灯片 in UCS-2
  const content = `BT /F1 72 Tf 80 260 Td ${text} Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 960 540] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]
  let pdf = '%PDF-1.4\n'
  const offsets = objects.map((body, i) => {
    const at = pdf.length
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`
    return at
  })
  const xref = pdf.length
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(pdf, 'latin1')
}

/** Chooses a file in the host tools' slide picker. */
async function choose(name: string, buffer: Buffer): Promise<void> {
  await page.setInputFiles('input[data-role="slide-upload"]', { name, mimeType: 'application/pdf', buffer })
}

const slideCount = () => page.locator('[data-role="slide-count"]').getAttribute('data-slides')
const errorKind = async () => {
  const alert = page.locator('[data-role="slide-upload-error"]')
  return (await alert.count()) > 0 ? alert.getAttribute('data-kind') : null
}

/** A served slide decoded in the browser: its size and the share of dark pixels (drawn text and bars). */
async function servedSlide(index: number) {
  const res = await fetch(new URL(`/api/events/${event.id}/slides/${index}`, base), {
    headers: { authorization: `Bearer ${token}` },
  })
  expect(res.status).toBe(200)
  const type = res.headers.get('content-type') ?? ''
  const b64 = Buffer.from(await res.arrayBuffer()).toString('base64')
  const decoded = await page.evaluate(async (url) => {
    const bitmap = await createImageBitmap(await (await fetch(url)).blob())
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
    const ctx = canvas.getContext('2d')!
    ctx.drawImage(bitmap, 0, 0)
    const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data
    let dark = 0
    for (let i = 0; i < px.length; i += 4) if (px[i]! + px[i + 1]! + px[i + 2]! < 3 * 128) dark++
    return { width: bitmap.width, height: bitmap.height, dark: dark / (px.length / 4) }
  }, `data:${type};base64,${b64}`)
  return { type, ...decoded }
}

beforeAll(async () => {
  base = inject('baseUrl')
  const educator = inject('demoAccounts').educator
  if (!educator) throw new Error('the e2e server printed no educator demo account')
  token = (await call<SessionResponse>('POST', '/api/auth/login', educator)).accessToken
  event = await call<EventView>('POST', '/api/events', {
    title: { en: 'PDF deck test', 'zh-CN': 'PDF 讲稿测试' },
    startsAt: Date.now() + 3_600_000,
    durationMinutes: 30,
    capacity: 10,
    lang: 'both',
    minAttendance: 0.5,
  })

  browser = await launch()
  session = await openPage(browser, { width: 900, height: 700 })
  page = session.page
  page.on('response', (r) => {
    if (/\/pdfjs\/|pdf\.worker/.test(r.url())) pdfAssets.push({ url: r.url(), status: r.status() })
  })
  await page.goto(`${base}?testhook`)
  await page.click('#entry-tab-signIn')
  await page.fill('#signin-login', educator.loginId)
  await page.fill('#signin-password', educator.password)
  await page.click('#signin-submit')
  await page.click('#enter-branch')
  await page.waitForFunction(() => window.__atrium?.ready === true, undefined, { timeout: 60_000 })
  await page.click('#hud-events')
  await page.click('#events-tab-host')
  // a DOM click: pointer actionability checks crawl while the scene renders in software
  await page
    .locator('details', { hasText: /PDF deck test|PDF 讲稿测试/ })
    .locator('summary')
    .evaluate((el: HTMLElement) => el.click())
  await page.waitForSelector('input[data-role="slide-upload"]')
  // every progress line the host sees, in order
  await page.evaluate(() => {
    const status = document.querySelector('[data-role="slide-upload-status"]')!
    const seen: string[] = []
    Object.assign(window, { __slideProgress: seen })
    new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, {
      subtree: true,
      childList: true,
      characterData: true,
    })
  })
})

afterAll(async () => {
  await browser?.close()
})

describe('PDF slide decks', () => {
  it('refuses broken, password-protected and too long PDFs with a clear message, uploading nothing', async () => {
    await choose('broken.pdf', Buffer.from('%PDF-1.7\nthis is not really a PDF'))
    await expect.poll(errorKind, { timeout: 60_000 }).toBe('broken')
    expect(await page.locator('[data-role="slide-upload-error"]').textContent()).toContain('broken.pdf')

    await choose('locked.pdf', await pdfkitDeck(['Secret'], { userPassword: 'secret', pdfVersion: '1.7' }))
    await expect.poll(errorKind, { timeout: 60_000 }).toBe('locked')
    expect(await page.locator('[data-role="slide-upload-error"]').textContent()).toContain('密码')

    await choose('long.pdf', await pdfkitDeck(Array.from({ length: 201 }, (_, i) => `Slide ${i + 1}`)))
    await expect.poll(errorKind, { timeout: 60_000 }).toBe('tooMany')
    expect(await page.locator('[data-role="slide-upload-error"]').textContent()).toContain('共 201 页')

    expect((await call<EventView[]>('GET', '/api/events')).find((e) => e.id === event.id)?.slides).toBe(0)
  })

  it('renders a three-page PDF in the browser and uploads each page as a slide image', async () => {
    const pdf = await pdfkitDeck(['Bonds 101', 'Funds 101', 'Risk and return'])
    await choose('bonds.pdf', pdf)
    await expect.poll(slideCount, { timeout: 90_000 }).toBe('3')
    await expect.poll(() => page.locator('[data-role="slide-upload-status"]').textContent()).toBe('已添加 3 页幻灯片。')
    expect(await page.locator('[data-role="slide-upload-error"]').count()).toBe(0)
    const seen = await page.evaluate(() => (window as unknown as { __slideProgress: string[] }).__slideProgress)
    // the demo educator's account is in Chinese
    expect(seen).toContain('正在渲染第 2/3 页…')
    expect(seen).toContain('正在上传第 3/3 页…')

    // the server holds three images, as if the host had uploaded three pictures
    expect((await call<EventView[]>('GET', '/api/events')).find((e) => e.id === event.id)?.slides).toBe(3)
    const second = await servedSlide(1)
    expect(second).toMatchObject({ type: 'image/webp', width: 1600, height: 900 })
    // the coloured bar and the heading and Chinese line were drawn
    expect(second.dark).toBeGreaterThan(0.02)
    expect(second.dark).toBeLessThan(0.6)
  })

  it('reads CJK text in fonts the PDF does not embed with the CMaps served by our origin', async () => {
    await choose('unembedded.pdf', unembeddedCjkPdf())
    await expect.poll(slideCount, { timeout: 90_000 }).toBe('4')
    const slide = await servedSlide(3)
    expect(slide).toMatchObject({ width: 1600, height: 900 })
    // the five characters were drawn (with a system CJK font standing in for STSong-Light)
    expect(slide.dark).toBeGreaterThan(0.002)
    expect(pdfAssets).toContainEqual({ url: new URL('/pdfjs/cmaps/UniGB-UCS2-H.bcmap', base).href, status: 200 })
  })

  it('loaded pdf.js, its worker and its data from our origin only, and logged no errors', () => {
    expect(pdfAssets.some((a) => /\/assets\/pdf\.worker[^/]*\.js$/.test(a.url) && a.status === 200)).toBe(true)
    expect(pdfAssets.every((a) => a.url.startsWith(base) && a.status === 200)).toBe(true)
    expect(session.external).toEqual([])
    expect(session.errors).toEqual([])
  })
})

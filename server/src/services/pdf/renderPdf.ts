import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

import PDFDocument from 'pdfkit'

/** A table column: its header, its share of the text width (relative weights) and alignment. */
export interface PdfColumn {
  header: string
  /** Relative width; columns without one share equally. */
  width?: number
  align?: 'left' | 'right'
}

/** One block of a document, laid out top to bottom. */
export type PdfBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; tone?: 'normal' | 'muted' | 'warning'; small?: boolean }
  | { kind: 'table'; columns: PdfColumn[]; rows: string[][] }
  | { kind: 'spacer'; height?: number }
  /** Blocks side by side in equal columns (e.g. two tables); the next block starts below the tallest. */
  | { kind: 'columns'; columns: PdfBlock[][]; gap?: number }

/** What to render: document metadata, the blocks, and an optional footer line on every page. */
export interface PdfSpec {
  /** The document title (also the PDF's Title metadata). */
  title: string
  /** BCP 47 language of the text (the PDF's /Lang), e.g. 'zh-CN' or 'en'. */
  lang: string
  /** Subject metadata. */
  subject?: string
  blocks: PdfBlock[]
  /** Small text at the foot of each page, e.g. a disclaimer or a reference number. */
  footer?: string
  /** Page size name known to pdfkit; A4 by default. */
  size?: 'A4' | 'LETTER'
  /** Landscape orientation (certificates). */
  landscape?: boolean
}

const MARGIN = 36
const FOOTER_SPACE = 22
const COLORS = {
  text: '#1a1a1a',
  heading: '#0b3d66',
  muted: '#5a5a5a',
  warning: '#9a3412',
  rule: '#c8d1dc',
  head: '#e8eef5',
}
const SIZES = { title: 17, heading: 11, body: 8.5, small: 7, table: 7.5 }

let fontCache: Buffer | undefined

/**
 * Noto Sans SC (Noto Sans Hans, OFL) from the `@embedpdf/fonts-sc` package: it covers Simplified Chinese (GB2312)
 * and Latin, so one font serves both languages and nothing is fetched at run time. Read once: it is an immutable
 * asset, not state.
 */
function bodyFont(): Buffer {
  if (!fontCache) {
    const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')
    fontCache = readFileSync(join(dirname(entry), '..', 'fonts', 'NotoSansHans-Regular.otf'))
  }
  return fontCache
}

/**
 * Renders a simple document to PDF bytes: a title, headings, paragraphs and ruled tables, in Chinese or English
 * with an embedded CJK font (subset to the glyphs used, with a ToUnicode map so text can be searched and copied).
 * Content that does not fit continues on a new page; keep the spec short when one page is wanted.
 *
 * @example
 * const pdf = await renderPdf({
 *   title: '结业证书', lang: 'zh-CN', landscape: true,
 *   blocks: [{ kind: 'title', text: '结业证书' }, { kind: 'paragraph', text: '兹证明 张三 完成了 …' }],
 *   footer: 'Atrium · 2026-11-29',
 * })
 * res.end(pdf)
 */
export async function renderPdf(spec: PdfSpec): Promise<Buffer> {
  const doc = new PDFDocument({
    size: spec.size ?? 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE },
    bufferPages: true,
    lang: spec.lang,
    displayTitle: true,
    info: { Title: spec.title, Subject: spec.subject ?? spec.title, Producer: 'Atrium', Creator: 'Atrium' },
    ...(spec.landscape ? { layout: 'landscape' } : {}),
  })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve())
    doc.on('error', (e: Error) => reject(e))
  })
  doc.registerFont('body', bodyFont())
  doc.font('body').fillColor(COLORS.text)
  const frame = { left: doc.page.margins.left, width: doc.page.width - doc.page.margins.left - doc.page.margins.right }
  for (const block of spec.blocks) drawBlock(doc, block, frame)
  if (spec.footer) drawFooters(doc, spec.footer)
  doc.end()
  await finished
  return Buffer.concat(chunks)
}

/** Where blocks go across the page: the text column, or one of several columns. */
interface Frame {
  left: number
  width: number
}

function width(doc: PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right
}

function bottom(doc: PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom
}

function ensureRoom(doc: PDFDocument, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage()
}

function drawBlock(doc: PDFDocument, block: PdfBlock, frame: Frame): void {
  const { left } = frame
  switch (block.kind) {
    case 'title':
      doc.fontSize(SIZES.title).fillColor(COLORS.heading).text(block.text, left, doc.y, { width: frame.width })
      doc.y += 4
      return
    case 'heading':
      ensureRoom(doc, 30)
      doc.y += 5
      doc.fontSize(SIZES.heading).fillColor(COLORS.heading).text(block.text, left, doc.y, { width: frame.width })
      doc.y += 2
      return
    case 'paragraph': {
      const color = block.tone === 'muted' ? COLORS.muted : block.tone === 'warning' ? COLORS.warning : COLORS.text
      doc
        .fontSize(block.small ? SIZES.small : SIZES.body)
        .fillColor(color)
        .text(block.text, left, doc.y, { width: frame.width, lineGap: 1 })
      doc.y += 3
      return
    }
    case 'spacer':
      doc.y += block.height ?? 6
      return
    case 'table':
      drawTable(doc, block.columns, block.rows, frame)
      return
    case 'columns': {
      const gap = block.gap ?? 14
      const n = Math.max(1, block.columns.length)
      const w = (frame.width - gap * (n - 1)) / n
      const top = doc.y
      let lowest = top
      block.columns.forEach((blocks, i) => {
        doc.y = top
        for (const b of blocks) drawBlock(doc, b, { left: left + i * (w + gap), width: w })
        lowest = Math.max(lowest, doc.y)
      })
      doc.y = lowest
    }
  }
}

function drawTable(doc: PDFDocument, columns: PdfColumn[], rows: string[][], frame: Frame): void {
  const { left } = frame
  const total = columns.reduce((s, c) => s + (c.width ?? 1), 0)
  const widths = columns.map((c) => ((c.width ?? 1) / total) * frame.width)
  const pad = 2.5
  doc.fontSize(SIZES.table)
  const rowHeight = (cells: string[]) =>
    Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i]! - 2 * pad }))) + 2 * pad
  const drawRow = (cells: string[], header: boolean) => {
    const h = rowHeight(cells)
    ensureRoom(doc, h)
    const top = doc.y
    if (header) doc.rect(left, top, frame.width, h).fill(COLORS.head)
    let x = left
    cells.forEach((cell, i) => {
      const align = header ? 'left' : (columns[i]?.align ?? 'left')
      doc
        .fillColor(header ? COLORS.heading : COLORS.text)
        .text(cell, x + pad, top + pad, { width: widths[i]! - 2 * pad, align })
      x += widths[i]!
    })
    doc
      .moveTo(left, top + h)
      .lineTo(left + frame.width, top + h)
      .lineWidth(0.5)
      .stroke(COLORS.rule)
    doc.y = top + h
  }
  drawRow(
    columns.map((c) => c.header),
    true,
  )
  for (const row of rows) drawRow(row, false)
  doc.y += 4
}

function drawFooters(doc: PDFDocument, footer: string): void {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const y = doc.page.height - MARGIN - FOOTER_SPACE + 8
    // the footer sits inside the bottom margin; lift the margin so pdfkit does not start a new page for it
    const saved = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc
      .fontSize(SIZES.small)
      .fillColor(COLORS.muted)
      .text(footer, doc.page.margins.left, y, { width: width(doc), lineBreak: true })
    doc.page.margins.bottom = saved
  }
}

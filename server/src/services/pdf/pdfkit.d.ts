/**
 * The part of pdfkit 0.20 that renderPdf uses. pdfkit ships no types, and @types/pdfkit describes an older API,
 * so the few calls we make are declared here.
 */
declare module 'pdfkit' {
  import type { Readable } from 'node:stream'

  interface TextOptions {
    width?: number
    height?: number
    align?: 'left' | 'right' | 'center' | 'justify'
    lineGap?: number
    lineBreak?: boolean
    ellipsis?: boolean | string
  }

  interface Margins {
    top: number
    bottom: number
    left: number
    right: number
  }

  interface PDFDocumentOptions {
    size?: string | [number, number]
    margin?: number
    margins?: Margins
    info?: Record<string, string | Date>
    bufferPages?: boolean
    autoFirstPage?: boolean
    compress?: boolean
    lang?: string
    displayTitle?: boolean
    layout?: 'portrait' | 'landscape'
  }

  class PDFDocument extends Readable {
    constructor(options?: PDFDocumentOptions)
    x: number
    y: number
    page: { width: number; height: number; margins: Margins }
    registerFont(name: string, src: Buffer | string): this
    font(name: string): this
    fontSize(size: number): this
    fillColor(color: string): this
    strokeColor(color: string): this
    lineWidth(width: number): this
    text(text: string, x?: number, y?: number, options?: TextOptions): this
    heightOfString(text: string, options?: TextOptions): number
    rect(x: number, y: number, w: number, h: number): this
    moveTo(x: number, y: number): this
    lineTo(x: number, y: number): this
    fill(color?: string): this
    stroke(color?: string): this
    addPage(options?: PDFDocumentOptions): this
    bufferedPageRange(): { start: number; count: number }
    switchToPage(n: number): this
    end(): void
  }
  export default PDFDocument
}

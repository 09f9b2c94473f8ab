import { createHash } from 'node:crypto'

import type { BilingualText } from '@atrium/common'

import { renderPdf } from '../pdf/renderPdf.ts'

/** What a completion certificate states. */
export interface CertificateInput {
  eventId: string
  userId: string
  attendeeName: string
  title: BilingualText
  hostName: string
  /** The live span of the event. */
  start: number
  end: number
  /** Share of the live span attended (0–1). */
  share: number
  quizScore: number | null
  quizTotal: number
}

/** A reference that identifies one certificate without naming the person: event and a hash of the attendee id. */
export function certificateReference(eventId: string, userId: string): string {
  const h = createHash('sha256').update(`${eventId}:${userId}`).digest('hex').slice(0, 10).toUpperCase()
  return `CERT-${eventId.slice(3, 11).toUpperCase()}-${h}`
}

function ymd(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** Renders the bilingual completion certificate (landscape A4, embedded CJK font) with the shared PDF writer. */
export function certificatePdf(c: CertificateInput): Promise<Buffer> {
  const zh = c.title['zh-CN'] ?? c.title.en ?? ''
  const en = c.title.en ?? c.title['zh-CN'] ?? ''
  const pct = `${Math.round(c.share * 100)}%`
  const quiz = c.quizTotal > 0 ? `${c.quizScore ?? 0} / ${c.quizTotal}` : '—'
  const ref = certificateReference(c.eventId, c.userId)
  return renderPdf({
    title: '结业证书 Certificate of completion',
    lang: 'zh-CN',
    subject: `${zh} / ${en}`,
    landscape: true,
    blocks: [
      { kind: 'title', text: '结业证书  Certificate of completion' },
      { kind: 'spacer', height: 16 },
      { kind: 'paragraph', text: `兹证明 ${c.attendeeName} 完成了投资者教育活动「${zh}」。` },
      {
        kind: 'paragraph',
        text: `This certifies that ${c.attendeeName} completed the investor-education event "${en}".`,
      },
      { kind: 'spacer', height: 10 },
      {
        kind: 'table',
        columns: [
          { header: '项目 Item', width: 1 },
          { header: '内容 Detail', width: 2 },
        ],
        rows: [
          ['日期 Date', ymd(c.start)],
          ['讲师 Educator', c.hostName],
          ['出席 Attendance', pct],
          ['测验 Quiz', quiz],
          ['编号 Reference', ref],
        ],
      },
      { kind: 'spacer', height: 10 },
      {
        kind: 'paragraph',
        tone: 'muted',
        small: true,
        text: '本证书仅证明参加投资者教育活动，不构成投资建议或资质证明。This certificate records attendance of investor education only; it is not investment advice or a professional qualification.',
      },
    ],
    footer: `Atrium · ${ref} · ${ymd(c.end)}`,
  })
}

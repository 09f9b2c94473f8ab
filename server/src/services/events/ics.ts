import type { BilingualText, EventView } from '@atrium/common'

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function icsEscape(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): continuation lines start with one space. Never splits a
 * UTF-8 sequence, so Chinese titles stay intact.
 */
export function icsFold(line: string): string {
  const out: string[] = []
  let cur = ''
  let bytes = 0
  for (const ch of line) {
    const n = Buffer.byteLength(ch)
    const limit = out.length === 0 ? 75 : 74
    if (bytes + n > limit) {
      out.push(cur)
      cur = ''
      bytes = 0
    }
    cur += ch
    bytes += n
  }
  out.push(cur)
  return out.join('\r\n ')
}

/** UTC date-time in the basic form RFC 5545 requires (`20261130T020000Z`). */
export function icsDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

function both(t: BilingualText): string {
  const zh = t['zh-CN']
  const en = t.en
  return zh && en && zh !== en ? `${zh} / ${en}` : (zh ?? en ?? '')
}

/**
 * One VEVENT calendar (RFC 5545): CRLF line ends, escaped and folded text, a UID stable per event so a re-download
 * updates the entry, STATUS:CANCELLED for a cancelled event and a reminder 15 minutes before.
 */
export function eventIcs(ev: EventView, origin: string, now = Date.now()): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Atrium//Investor education//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${ev.id}@atrium`,
    `DTSTAMP:${icsDate(now)}`,
    `DTSTART:${icsDate(ev.startsAt)}`,
    `DTEND:${icsDate(ev.startsAt + ev.durationMinutes * 60_000)}`,
    `SUMMARY:${icsEscape(both(ev.title))}`,
    `DESCRIPTION:${icsEscape(both(ev.description))}`,
    `LOCATION:${icsEscape(`Atrium auditorium 云上网点礼堂 ${origin}`)}`,
    `URL:${origin}/?event=${ev.id}`,
    `STATUS:${ev.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${icsEscape(both(ev.title))}`,
    'TRIGGER:-PT15M',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return lines.map(icsFold).join('\r\n') + '\r\n'
}

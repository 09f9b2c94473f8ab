import type { BilingualText, EventView } from '@atrium/common'

import { buildIcs } from '../calendar/ics.ts'

function both(t: BilingualText): string {
  const zh = t['zh-CN']
  const en = t.en
  return zh && en && zh !== en ? `${zh} / ${en}` : (zh ?? en ?? '')
}

/**
 * An event's calendar file: a UID stable per event so a re-download updates the entry, STATUS:CANCELLED for a
 * cancelled event and a reminder 15 minutes before.
 */
export function eventIcs(ev: EventView, origin: string, now = Date.now()): string {
  return buildIcs({
    uid: `${ev.id}@atrium`,
    stamp: now,
    startsAt: ev.startsAt,
    endsAt: ev.startsAt + ev.durationMinutes * 60_000,
    summary: both(ev.title),
    description: both(ev.description),
    location: `Atrium auditorium 云上网点礼堂 ${origin}`,
    url: `${origin}/?event=${ev.id}`,
    cancelled: ev.status === 'cancelled',
    alarmMinutes: 15,
  })
}

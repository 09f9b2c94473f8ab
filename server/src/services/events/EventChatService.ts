import type { EventChatLine } from '@atrium/common'

import type { AtriumDb } from '../../db/database.ts'

/** Lines a joining attendee receives. */
const HISTORY = 100

/** An event's chat, persisted for the event (Hubs' chat is ephemeral; attendees asked for scrollback). */
export class EventChatService {
  constructor(private readonly handle: AtriumDb) {}

  async append(eventId: string, from: { id: string; name: string }, text: string): Promise<EventChatLine> {
    const at = Date.now()
    const row = await this.handle.db
      .insertInto('event_chat')
      .values({ event_id: eventId, author_id: from.id, author_name: from.name, text, at })
      .returning('id')
      .executeTakeFirstOrThrow()
    return { id: Number(row.id), from: from.id, name: from.name, text, at }
  }

  /** The newest lines, oldest first. */
  async history(eventId: string, limit = HISTORY): Promise<EventChatLine[]> {
    const rows = await this.handle.db
      .selectFrom('event_chat')
      .selectAll()
      .where('event_id', '=', eventId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute()
    return rows.reverse().map(toLine)
  }

  /** The whole chat as CSV (UTF-8 with BOM so spreadsheet apps read Chinese), for the host. */
  async exportCsv(eventId: string): Promise<string> {
    const rows = await this.handle.db
      .selectFrom('event_chat')
      .selectAll()
      .where('event_id', '=', eventId)
      .orderBy('id')
      .execute()
    const lines = ['time,from,name,text']
    for (const r of rows) {
      lines.push([new Date(r.at).toISOString(), r.author_id, r.author_name, r.text].map(csvCell).join(','))
    }
    return '\uFEFF' + lines.join('\r\n') + '\r\n'
  }
}

function toLine(r: { id: number; author_id: string; author_name: string; text: string; at: number }): EventChatLine {
  return { id: Number(r.id), from: r.author_id, name: r.author_name, text: r.text, at: r.at }
}

/** Quotes a CSV cell; cells a spreadsheet would run as a formula get a leading apostrophe (CSV injection). */
export function csvCell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
  return `"${safe.replace(/"/g, '""')}"`
}

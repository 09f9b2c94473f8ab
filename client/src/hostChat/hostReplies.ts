import type { HostReply, HostReplyKind, HostTurn, Lang, ZoneId } from '@atrium/common'

/** A note the panel adds under a host reply: where the visitor is being taken, and why. */
export interface ReplyNote {
  key: 'travel' | 'alreadyHere' | 'questionnaire' | 'event'
  zone: ZoneId
}

/** What the client does with a reply: travel to a zone (unless already there) and say so. */
export interface ReplyPlan {
  travelTo?: ZoneId
  note?: ReplyNote
}

/** The zone a reply leads to, by kind; undefined for replies that stay put. */
export function replyZone(reply: HostReply): ZoneId | undefined {
  switch (reply.kind) {
    case 'navigate':
      return reply.zone
    case 'open_sandbox':
    case 'start_questionnaire':
      return 'sandbox'
    case 'register_event':
      return 'auditorium'
    default:
      return undefined
  }
}

/**
 * Plans the action for a reply. The questionnaire and event registration open in their zones
 * (those screens come later), so the note says only where they open.
 */
export function replyPlan(reply: HostReply, currentZone: ZoneId): ReplyPlan {
  const zone = replyZone(reply)
  if (!zone) return {}
  const travelTo = zone === currentZone ? undefined : zone
  if (reply.kind === 'start_questionnaire') return { travelTo, note: { key: 'questionnaire', zone } }
  if (reply.kind === 'register_event') return { travelTo, note: { key: 'event', zone } }
  return { travelTo, note: { key: travelTo ? 'travel' : 'alreadyHere', zone } }
}

/** Splits the risk disclosure off the reply text when the text carries it too, so it shows once, apart. */
export function splitDisclosure(text: string, disclosure: string | undefined): { body: string; disclosure?: string } {
  const d = disclosure?.trim()
  if (!d) return { body: text }
  const at = text.lastIndexOf(d)
  const body = at >= 0 ? (text.slice(0, at) + text.slice(at + d.length)).trim() : text
  return { body: body || text, disclosure: d }
}

/** A complaint deadline (ms since epoch) as a date and time in the UI language. */
export function formatDeadline(dueAt: number, lang: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(dueAt)
}

const MIN_SUBTITLE_MS = 2500
const MAX_SUBTITLE_MS = 15_000

/** About how long a line takes to say (Chinese by character, English by word), for subtitles without a voice. */
export function subtitleMs(text: string, lang: Lang): number {
  const ms = lang === 'zh-CN' ? text.length * 230 : text.split(/\s+/).filter(Boolean).length * 380
  return Math.min(MAX_SUBTITLE_MS, Math.max(MIN_SUBTITLE_MS, ms))
}

/** One line of the panel: a visitor question or a host reply (full when asked here, bare when restored). */
export interface HostChatItem {
  id: number
  from: 'visitor' | 'host'
  text: string
  at: number
  kind?: HostReplyKind
  /** The whole reply, for lines asked in this visit (reference, suggestions, disclosure…). */
  reply?: HostReply
  note?: ReplyNote
  /** Loaded from the server's record of an earlier visit to the panel. */
  restored?: boolean
}

/** Conversation turns from the server as panel lines, numbered from `firstId`. */
export function turnsToItems(turns: readonly HostTurn[], firstId: number): HostChatItem[] {
  return turns.map((turn, i) => ({
    id: firstId + i,
    from: turn.from,
    text: turn.text,
    at: turn.at,
    // a restored turn keeps its kind for styling; references, suggestions and the like are not stored per turn
    kind: turn.kind,
    restored: true,
  }))
}

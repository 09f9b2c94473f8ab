import { CHAT, type ChatLine } from '@atrium/common'
import type { Presence } from '@colyseus/core'

/**
 * Chat history of one atrium instance, kept in Colyseus presence (Redis when scaled out) so it
 * outlives the room and any process can read it. Only the room that owns the instance writes.
 */
export class ChatService {
  private readonly key: string
  private seq = 0

  constructor(
    private readonly presence: Presence,
    instance: number,
  ) {
    this.key = `branch:chat:${instance}`
  }

  /** Loads the sequence number so new lines continue after the stored ones. */
  async init(): Promise<void> {
    const lines = await this.history()
    this.seq = lines.at(-1)?.id ?? 0
  }

  /** Appends a line and trims the history to CHAT.historySize. */
  async append(line: Omit<ChatLine, 'id'>): Promise<ChatLine> {
    const full: ChatLine = { ...line, id: ++this.seq }
    await this.presence.hset(this.key, String(full.id), JSON.stringify(full))
    const drop = full.id - CHAT.historySize
    if (drop > 0) await this.presence.hdel(this.key, String(drop))
    return full
  }

  /** The last CHAT.historySize lines, oldest first. */
  async history(): Promise<ChatLine[]> {
    const all = (await this.presence.hgetall(this.key)) ?? {}
    return Object.values(all)
      .map((s) => JSON.parse(s) as ChatLine)
      .sort((a, b) => a.id - b.id)
      .slice(-CHAT.historySize)
  }
}

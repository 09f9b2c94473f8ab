import { CHAT, CLOSE_ABUSE, NET } from '@atrium/common'

import { SlidingWindow, TokenBucket } from './RateLimiter.ts'

/** Per-connection limits and abuse strikes, kept in `client.userData`. */
export class ClientGuard {
  readonly pose = new TokenBucket(NET.maxPoseMessagesPerSecond, NET.maxPoseMessagesPerSecond)
  readonly chat = new SlidingWindow(CHAT.maxMessages, CHAT.windowMs)
  /** Other messages (teleport, travel, speaking): generous but bounded. */
  readonly misc = new TokenBucket(10, 5)
  private readonly strikes = new SlidingWindow(Number.MAX_SAFE_INTEGER, NET.strikeWindowMs)
  private readonly replies = new TokenBucket(10, 5)
  /** Set when the client was disconnected for abuse or an ended session: its seat is not held. */
  banned = false

  /** Records an offence; true when the client has crossed the abuse threshold. */
  strike(now = Date.now()): boolean {
    this.strikes.take(now)
    return this.strikes.count(now) > NET.maxStrikes
  }

  /** Whether an error reply may be sent now (so a flood does not become a reply flood). */
  mayReply(now = Date.now()): boolean {
    return this.replies.take(now)
  }

  /**
   * Refuses one message: a strike, then the error reply (itself rate-limited), or, past the abuse threshold, the end
   * of the connection with its seat not held.
   */
  refuse(client: RefusedClient, errorType: string, error: object): void {
    if (this.strike()) {
      this.banned = true
      client.leave(CLOSE_ABUSE, 'too many invalid messages')
      return
    }
    if (this.mayReply()) client.send(errorType, error)
  }
}

/** What {@link ClientGuard.refuse} needs of a Colyseus client. */
export interface RefusedClient {
  leave(code: number, reason: string): void
  send(type: string, message: unknown): void
}

import { CHAT, NET } from '@atrium/common'

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
}

import type { UserNotice } from '@atrium/common'
import type { Presence } from '@colyseus/core'

/** Presence channel of user notices; every branch room (in every process) listens. */
export const USER_NOTICE_CHANNEL = 'atrium:user-notice'

/** One notice on the channel: who it is for and what it says. */
export interface UserNoticeMessage {
  userId: string
  notice: UserNotice
}

/**
 * Pushes notices to a person's open pages wherever their branch connection lives. Best effort: a person with no page
 * open misses nothing, since every notice only hastens what the client would also find by polling.
 */
export class UserNotices {
  constructor(private readonly presence: Presence) {}

  /** Publishes `notice` for `userId`; a presence failure is logged, never thrown into the caller's work. */
  async send(userId: string, notice: UserNotice): Promise<void> {
    try {
      await this.presence.publish(USER_NOTICE_CHANNEL, { userId, notice } satisfies UserNoticeMessage)
    } catch (e) {
      console.warn('[notices] not sent:', e)
    }
  }
}

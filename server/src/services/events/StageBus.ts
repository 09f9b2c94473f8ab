import type { EventChatLine } from '@atrium/common'
import type { Presence } from '@colyseus/core'

import type { PollSnapshot } from './PollService.ts'

/** What changes on the stage, announced to every instance of an event (any process) on its presence channel. */
export type StageEvent =
  | { t: 'stage'; stage: StageFields }
  | { t: 'hands' }
  | { t: 'phase'; phase: 'live' | 'ended' }
  | { t: 'poll'; poll: PollSnapshot }
  | { t: 'vote'; pollId: number; choice: number }
  | { t: 'quiz'; pollId: number }
  | { t: 'qa' }
  | { t: 'chat'; line: EventChatLine }
  | { t: 'remove'; userId: string }
  | { t: 'muteAll' }
  | { t: 'speakers' }
  | { t: 'deck' }

/** The event-wide stage: current page, spotlight, recording flag. */
export interface StageFields {
  page: number
  spotlight: string
  recording: boolean
}

/** One raised hand, event-wide. */
export interface Hand {
  id: string
  name: string
  at: number
}

/** How long a removed attendee stays out of the event's auditorium. */
const REMOVED_SECONDS = 12 * 3600

/**
 * The live stage of one event, shared by its main and overflow instances through Colyseus presence (Redis when
 * several processes run): fields in hashes, changes announced on the channel `event:<id>`. Nothing in module memory.
 */
export class StageBus {
  constructor(private readonly presence: Presence) {}

  channel(eventId: string): string {
    return `event:${eventId}`
  }

  publish(eventId: string, e: StageEvent): void {
    void this.presence.publish(this.channel(eventId), e)
  }

  async subscribe(eventId: string, fn: (e: StageEvent) => void): Promise<void> {
    await this.presence.subscribe(this.channel(eventId), fn)
  }

  unsubscribe(eventId: string, fn: (e: StageEvent) => void): void {
    this.presence.unsubscribe(this.channel(eventId), fn)
  }

  async stage(eventId: string): Promise<StageFields> {
    const h = (await this.presence.hgetall(stageKey(eventId))) ?? {}
    return { page: Number(h.page ?? 0) || 0, spotlight: h.spotlight ?? '', recording: h.recording === '1' }
  }

  async setStage(eventId: string, patch: Partial<StageFields>): Promise<void> {
    const key = stageKey(eventId)
    if (patch.page !== undefined) await this.presence.hset(key, 'page', String(patch.page))
    if (patch.spotlight !== undefined) await this.presence.hset(key, 'spotlight', patch.spotlight)
    if (patch.recording !== undefined) await this.presence.hset(key, 'recording', patch.recording ? '1' : '0')
    // the whole stage travels with the announcement, so instances apply it without another read
    this.publish(eventId, { t: 'stage', stage: await this.stage(eventId) })
  }

  /** The raise-hand queue, first raised first. */
  async hands(eventId: string): Promise<Hand[]> {
    const h = (await this.presence.hgetall(handsKey(eventId))) ?? {}
    return Object.values(h)
      .map((v) => JSON.parse(v) as Hand)
      .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id))
  }

  async setHand(eventId: string, who: { id: string; name: string }, up: boolean): Promise<void> {
    if (up) {
      // raising again keeps the original place in the queue
      if (await this.presence.hget(handsKey(eventId), who.id)) return
      await this.presence.hset(handsKey(eventId), who.id, JSON.stringify({ ...who, at: Date.now() } satisfies Hand))
    } else await this.presence.hdel(handsKey(eventId), who.id)
    this.publish(eventId, { t: 'hands' })
  }

  async setSpeaker(eventId: string, who: { id: string; name: string }, on: boolean): Promise<void> {
    if (on) await this.presence.hset(speakersKey(eventId), who.id, JSON.stringify({ ...who, at: Date.now() }))
    else await this.presence.hdel(speakersKey(eventId), who.id)
    this.publish(eventId, { t: 'speakers' })
  }

  /** The promoted speakers, in order of promotion. */
  async speakers(eventId: string): Promise<Hand[]> {
    const h = (await this.presence.hgetall(speakersKey(eventId))) ?? {}
    return Object.values(h)
      .map((v) => JSON.parse(v) as Hand)
      .sort((a, b) => a.at - b.at)
  }

  /** Whether `userId` is on the event's stage now (promoted and not demoted or removed since). */
  async isSpeaker(eventId: string, userId: string): Promise<boolean> {
    return isEventSpeaker(this.presence, eventId, userId)
  }

  async remove(eventId: string, userId: string): Promise<void> {
    await this.presence.setex(removedKey(eventId, userId), '1', REMOVED_SECONDS)
    await this.presence.hdel(handsKey(eventId), userId)
    await this.presence.hdel(speakersKey(eventId), userId)
    this.publish(eventId, { t: 'remove', userId })
    this.publish(eventId, { t: 'hands' })
    this.publish(eventId, { t: 'speakers' })
  }

  async isRemoved(eventId: string, userId: string): Promise<boolean> {
    return !!(await this.presence.get(removedKey(eventId, userId)))
  }

  /** Claims the lowest free instance number of the event (1 = main auditorium), atomically across processes. */
  async claimInstance(eventId: string): Promise<number> {
    const key = `event:${eventId}:instances`
    for (let n = 1; ; n++) {
      if ((await this.presence.hincrby(key, String(n), 1)) === 1) return n
      await this.presence.hincrby(key, String(n), -1)
    }
  }

  async releaseInstance(eventId: string, n: number): Promise<void> {
    await this.presence.hdel(`event:${eventId}:instances`, String(n))
  }
}

/**
 * Whether `userId` is a promoted speaker of the event: read straight from presence, so the media token code can ask
 * without the event services (a promotion made before the speaker's voice connection then still grants publish).
 */
export async function isEventSpeaker(presence: Presence, eventId: string, userId: string): Promise<boolean> {
  return !!(await presence.hget(speakersKey(eventId), userId))
}

const stageKey = (id: string) => `event:${id}:stage`
const handsKey = (id: string) => `event:${id}:hands`
const speakersKey = (id: string) => `event:${id}:speakers`
const removedKey = (id: string, userId: string) => `event:${id}:removed:${userId}`

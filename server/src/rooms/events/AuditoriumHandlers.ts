import { EV_C2S, type EvC2SMsg, type EvC2SType, type RoomErrorCode } from '@atrium/common'

import { Forbidden, type Principal } from '../../policy/policy.ts'
import type { EventServices } from '../../services/events/createEventServices.ts'
import { EventStateError } from '../../services/events/EventService.ts'
import { MediaUnavailable, type MediaService } from '../../services/media/MediaService.ts'
import { NotFound } from '../../services/privacy/StaffAccess.ts'
import type { AuditoriumClient, AuditoriumRoomInstance } from './AuditoriumRoom.ts'

/** A refused message: the room answers the sender with `code`; never a crash. */
export class RoomRefusal extends Error {
  constructor(
    readonly code: RoomErrorCode,
    message: string,
  ) {
    super(message)
  }
}

/** Seated attendees send their head yaw at most this often (ms); faster ones are dropped. */
const YAW_INTERVAL_MS = 900
/** A promotion waits this long between tries for the speaker's voice connection, this many times (about a minute). */
const PROMOTION_RETRY_MS = 2000
const PROMOTION_TRIES = 30

type Handler<K extends EvC2SType> = (c: AuditoriumClient, m: EvC2SMsg<K>) => Promise<void> | void

/**
 * The auditorium's message table: each message forwards to an event service, and event-wide changes are announced
 * on the stage bus so every instance (main and overflow) applies them the same way (StageSync).
 */
export class AuditoriumHandlers {
  private readonly table: { [K in EvC2SType]: Handler<K> }

  constructor(
    private readonly room: AuditoriumRoomInstance,
    private readonly ev: EventServices,
    private readonly media: MediaService,
    private readonly eventId: string,
  ) {
    const id = eventId
    const bus = ev.stage
    this.table = {
      [EV_C2S.yaw]: (c, m) => {
        const now = Date.now()
        if (now - c.userData!.lastYawAt < YAW_INTERVAL_MS) return
        c.userData!.lastYawAt = now
        const a = this.room.state.attendees.get(c.sessionId)
        if (a) a.yaw = m.yaw
      },
      [EV_C2S.seat]: (c, m) => {
        const a = this.room.state.attendees.get(c.sessionId)
        // the host and oversight staff hold no seat in the hall
        if (a && !a.host) a.seated = m.seated
      },
      [EV_C2S.hand]: (c, m) => bus.setHand(id, who(c), m.up),
      [EV_C2S.ask]: async (c, m) => {
        await ev.qa.ask(id, who(c), m.text)
        bus.publish(id, { t: 'qa' })
      },
      [EV_C2S.vote]: async (c, m) => {
        if (!(await refusing(() => ev.qa.vote(id, m.questionId, c.auth!.id)))) {
          throw new RoomRefusal('forbidden', 'one vote per question')
        }
        bus.publish(id, { t: 'qa' })
      },
      [EV_C2S.chat]: async (c, m) => {
        bus.publish(id, { t: 'chat', line: await ev.chat.append(id, who(c), m.text) })
      },
      [EV_C2S.pollVote]: async (c, m) => {
        if (!(await refusing(() => ev.polls.vote(id, m.pollId, c.auth!.id, m.choice)))) {
          throw new RoomRefusal('forbidden', 'one vote per poll')
        }
        bus.publish(id, { t: 'vote', pollId: m.pollId, choice: m.choice })
      },
      [EV_C2S.slide]: async (c, m) => {
        if (!c.auth?.presenter) throw new RoomRefusal('forbidden', 'only the presenter moves the slides')
        if (m.page >= this.room.state.slides) throw new RoomRefusal('invalid_message', 'no such slide')
        await bus.setStage(id, { page: m.page })
      },
      [EV_C2S.phase]: async (c, m) => {
        await refusing(() => ev.events.setPhase(c.auth!, id, m.phase))
        if (m.phase === 'ended') await ev.attendance.closeOpen(id)
        bus.publish(id, { t: 'phase', phase: m.phase })
      },
      [EV_C2S.speaker]: async (c, m) => {
        const live = await this.tryMedia(
          c,
          () => this.media.setSpeaker(c.auth!, { room: 'event', event: id, identity: m.userId, speaker: m.speaker }),
          true,
        )
        const name = await this.nameOf(m.userId)
        if (m.speaker) await bus.setHand(id, { id: m.userId, name }, false)
        // the stage is the record: the next media token follows it, so the change outlives a missing connection
        await bus.setSpeaker(id, { id: m.userId, name }, m.speaker)
        if (m.speaker && live === 'absent') this.promoteOnArrival(c.auth!, m.userId, PROMOTION_TRIES)
      },
      [EV_C2S.spotlight]: (_c, m) => bus.setStage(id, { spotlight: m.userId ?? '' }),
      [EV_C2S.muteAll]: async (c) => {
        await this.tryMedia(c, () => this.media.muteAll(c.auth!, { room: 'event', event: id }))
        bus.publish(id, { t: 'muteAll' })
      },
      [EV_C2S.remove]: async (c, m) => {
        if (m.userId === c.auth?.id) throw new RoomRefusal('invalid_message', 'you cannot remove yourself')
        await bus.remove(id, m.userId)
        await this.tryMedia(c, () => this.media.remove(c.auth!, { room: 'event', event: id, identity: m.userId }))
        await ev.audit.append({
          actor: c.auth!,
          action: 'event.moderated',
          subjectId: m.userId,
          detail: { event: id, op: 'remove' },
        })
      },
      [EV_C2S.recording]: (_c, m) => bus.setStage(id, { recording: m.on }),
      [EV_C2S.moderate]: async (_c, m) => {
        await refusing(() => ev.qa.moderate(id, m.questionId, m.status))
        bus.publish(id, { t: 'qa' })
      },
      [EV_C2S.pollOpen]: async (_c, m) => {
        const poll = await ev.polls.open(id, m)
        bus.publish(id, { t: 'poll', poll })
        // the opening instance closes it in the database when the timer runs out
        this.room.clock.setTimeout(() => void this.closePoll(poll.id), m.seconds * 1000)
      },
      [EV_C2S.pollClose]: async (_c, m) => {
        await refusing(() => this.closePoll(m.pollId))
      },
    }
  }

  handle<K extends EvC2SType>(client: AuditoriumClient, type: K, msg: EvC2SMsg<K>): Promise<void> | void {
    return (this.table[type] as Handler<K>)(client, msg)
  }

  /** A display name for a pseudonymous id: from the hand queue, this instance, or the account. */
  private async nameOf(userId: string): Promise<string> {
    const hand = this.room.state.hands.find((h) => h.id === userId)
    if (hand) return hand.name
    for (const a of this.room.state.attendees.values()) if (a.id === userId) return a.name
    return (await this.ev.attendance.visits(this.eventId, userId)).at(-1)?.name ?? ''
  }

  private async closePoll(pollId: number): Promise<void> {
    const current = await this.ev.polls.latest(this.eventId)
    await this.ev.polls.close(this.eventId, pollId)
    if (current?.id !== pollId) return
    this.ev.stage.publish(this.eventId, { t: 'poll', poll: { ...current, open: false } })
    if (current.quiz) this.ev.stage.publish(this.eventId, { t: 'quiz', pollId })
  }

  /**
   * A LiveKit call that may fail without undoing the room's change: no media server (tests, media off) or the
   * attendee not connected to voice. The host is told (unless `absentIsFine`: the change waits for the connection);
   * the stage state still changes.
   */
  private async tryMedia(
    c: AuditoriumClient,
    call: () => Promise<unknown>,
    absentIsFine = false,
  ): Promise<'done' | 'absent' | 'unavailable'> {
    try {
      await call()
      return 'done'
    } catch (e) {
      if (!(e instanceof MediaUnavailable || e instanceof NotFound)) throw e
      if (e instanceof NotFound && absentIsFine) return 'absent'
      this.room.reject(c, 'forbidden', 'media', `voice not changed: ${e.message}`)
      return e instanceof NotFound ? 'absent' : 'unavailable'
    }
  }

  /**
   * Applies a promotion on the live connection once the speaker is in the voice room. A token minted after the
   * promotion already grants publish; one minted just before it (the attendee was joining) does not, so this tries
   * again for a while, as long as the stage still lists them as a speaker.
   */
  private promoteOnArrival(host: Principal, userId: string, left: number): void {
    this.room.clock.setTimeout(async () => {
      try {
        if (!(await this.ev.stage.isSpeaker(this.eventId, userId))) return
        await this.media.setSpeaker(host, { room: 'event', event: this.eventId, identity: userId, speaker: true })
      } catch (e) {
        if (e instanceof NotFound && left > 1) return this.promoteOnArrival(host, userId, left - 1)
        if (!(e instanceof NotFound || e instanceof MediaUnavailable)) console.error('[auditorium] promotion:', e)
      }
    }, PROMOTION_RETRY_MS)
  }
}

/** The sender as the event records them: pseudonymous id and display name. */
function who(c: AuditoriumClient): { id: string; name: string } {
  return { id: c.auth!.id, name: c.auth!.name }
}

/** Runs a service call, turning its refusals into RoomRefusal. */
async function refusing<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (e) {
    if (e instanceof NotFound) throw new RoomRefusal('invalid_message', e.message)
    if (e instanceof EventStateError) throw new RoomRefusal('invalid_message', e.message)
    if (e instanceof Forbidden) throw new RoomRefusal('forbidden', e.message)
    throw e
  }
}

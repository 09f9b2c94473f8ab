import {
  Attendee,
  AuditoriumJoinOptions,
  AuditoriumState,
  EV_C2S,
  EV_S2C,
  EvC2SValidators,
  HOST_MESSAGES,
  type EvC2SType,
  type RoomErrorCode,
  type RoomErrorMsg,
  type TokenClaims,
} from '@atrium/common'
import { Room, ServerError, type AuthContext, type Client } from '@colyseus/core'

import { decide } from '../../policy/policy.ts'
import { authenticate } from '../../services/auth.ts'
import { ClientGuard } from '../../services/ClientGuard.ts'
import type { Services } from '../../services/createServices.ts'
import { eventMediaContext } from '../../services/events/eventMediaContext.ts'
import { isJoinable } from '../../services/events/EventService.ts'
import type { StageEvent } from '../../services/events/StageBus.ts'
import type { MediaService } from '../../services/media/MediaService.ts'
import { AuditoriumHandlers, RoomRefusal } from './AuditoriumHandlers.ts'
import { SeatMap, STAGE_SEAT } from './seats.ts'
import { StageSync } from './StageSync.ts'

/** What onAuth hands to onJoin: the token's claims plus the person's part in this event. */
export interface AuditoriumAuth extends TokenClaims {
  /** May moderate (the event's host, compliance, admin). */
  host: boolean
  /** The event's own host: the presenter, the only one who moves slides. */
  presenter: boolean
}

/** Per connection: limits, seat, attendance visit. */
export interface AuditoriumUser {
  guard: ClientGuard
  seat: number
  visit: number
  lastYawAt: number
  /** The client's messages in flight, handled one after another. */
  chain: Promise<void>
}

export type AuditoriumClient = Client<AuditoriumUser, AuditoriumAuth>

/** Settings fixed when the room type is defined. */
export interface AuditoriumOptions {
  seats: number
}

/**
 * The room type of an event's auditorium, bound to this process's services. One instance per event holds up to
 * `seats` people; the matchmaker (filterBy eventId) opens overflow instances beyond, which follow the same stage
 * through presence. Lifecycle and a message table only: handlers live in AuditoriumHandlers, the stage in StageSync.
 */
export function auditoriumRoom(services: Services, media: MediaService) {
  const ev = services.events
  return class AuditoriumRoom extends Room<AuditoriumState> {
    private seats!: SeatMap
    private sync!: StageSync
    private handlers!: AuditoriumHandlers
    private eventId = ''
    private readonly onStage = (e: StageEvent) =>
      void this.sync.apply(e).catch((err: unknown) => console.error(`[auditorium ${this.roomId}] stage:`, err))

    static override async onAuth(token: string, options: unknown, _context: AuthContext): Promise<AuditoriumAuth> {
      const claims = await authenticate(token)
      const opts = AuditoriumJoinOptions.safeParse(options)
      if (!opts.success) throw new ServerError(400, 'name an event')
      const row = await ev.events.row(opts.data.eventId).catch(() => undefined)
      if (!row || !isJoinable(row)) throw new ServerError(404, 'this event is not open')
      if (!decide(claims, 'media.join', await eventMediaContext(services.db, row.id, claims.id)).allow) {
        throw new ServerError(403, 'register for this event first')
      }
      if (await ev.stage.isRemoved(row.id, claims.id))
        throw new ServerError(403, 'the host removed you from this event')
      const host = decide(claims, 'events.moderate', { eventHost: row.host_id }).allow
      return { ...claims, host, presenter: claims.id === row.host_id }
    }

    override async onCreate(options: AuditoriumOptions & { eventId?: unknown }): Promise<void> {
      this.eventId = AuditoriumJoinOptions.parse({ eventId: options.eventId }).eventId
      this.maxClients = options.seats
      this.seats = new SeatMap(options.seats)
      this.setState(new AuditoriumState())
      this.state.eventId = this.eventId
      this.state.instance = await ev.stage.claimInstance(this.eventId)
      await this.setMetadata({ instance: this.state.instance })
      this.sync = new StageSync(this, ev, this.eventId)
      this.handlers = new AuditoriumHandlers(this, ev, media, this.eventId)
      await ev.stage.subscribe(this.eventId, this.onStage)
      await this.sync.load()
      for (const type of Object.keys(EvC2SValidators) as EvC2SType[]) this.route(type)
      this.onMessage('*', (client: AuditoriumClient, type) =>
        this.reject(client, 'unknown_message', String(type), 'unknown message type'),
      )
      // a seated audience changes slowly: 10 patches a second keep slides prompt and the wire quiet
      this.setPatchRate(100)
    }

    override async onJoin(client: AuditoriumClient, _options: unknown, auth: AuditoriumAuth): Promise<void> {
      const seat = auth.host ? STAGE_SEAT : (this.seats.take() ?? STAGE_SEAT - 1)
      const a = new Attendee()
      // a seat holder starts in the seat: the client takes them there as it joins
      a.assign({ id: auth.id, name: auth.name, look: auth.look, seat, yaw: 0, host: auth.host, seated: !auth.host })
      a.hand = this.state.hands.some((h) => h.id === auth.id)
      a.speaker = this.sync.isSpeaker(auth.id)
      this.state.attendees.set(client.sessionId, a)
      const visit = await ev.attendance.join(this.eventId, { id: auth.id, name: auth.name })
      client.userData = { guard: new ClientGuard(), seat, visit, lastYawAt: 0, chain: Promise.resolve() }
      client.send(EV_S2C.chatHistory, await ev.chat.history(this.eventId))
      await this.sync.sendQuestions([client])
    }

    override async onLeave(client: AuditoriumClient): Promise<void> {
      const u = client.userData
      this.state.attendees.delete(client.sessionId)
      if (!u) return
      if (u.seat < STAGE_SEAT - 1) this.seats.free(u.seat)
      await ev.attendance.leave(u.visit)
    }

    override async onDispose(): Promise<void> {
      ev.stage.unsubscribe(this.eventId, this.onStage)
      this.sync.dispose()
      await ev.stage.releaseInstance(this.eventId, this.state.instance)
    }

    override onUncaughtException(error: Error, methodName: string): void {
      console.error(`[auditorium ${this.roomId}] ${methodName} failed:`, error)
    }

    /** Guards the raw decoder too: a malformed frame costs the sender a strike, never the room. */
    protected override _onMessage(client: Parameters<Room['_onMessage']>[0], buffer: Buffer): void {
      try {
        super._onMessage(client, buffer)
      } catch {
        this.reject(client as unknown as AuditoriumClient, 'invalid_message', 'raw', 'malformed message')
      }
    }

    /** Routes one message type: rate limit, zod validation, host check, then the handler; refusals never throw. */
    private route(type: EvC2SType): void {
      const schema = EvC2SValidators[type]
      this.onMessage(type, async (client: AuditoriumClient, raw: unknown) => {
        if (!client.userData) return
        const limited = type === EV_C2S.chat ? !client.userData.guard.chat.take() : !client.userData.guard.misc.take()
        if (limited) return this.reject(client, 'rate_limited', type, 'too many messages')
        const parsed = schema.safeParse(raw)
        if (!parsed.success) {
          return this.reject(client, 'invalid_message', type, parsed.error.issues[0]?.message ?? 'invalid')
        }
        if (HOST_MESSAGES.includes(type) && !client.auth?.host) {
          return this.reject(client, 'forbidden', type, 'only the host may do this')
        }
        // one client's messages run in the order sent (a second vote must meet the first one's row)
        const u = client.userData
        u.chain = u.chain.then(async () => {
          try {
            await this.handlers.handle(client, type, parsed.data)
          } catch (e) {
            if (e instanceof RoomRefusal) return this.reject(client, e.code, type, e.message)
            console.error(`[auditorium ${this.roomId}] ${type}:`, e)
            this.reject(client, 'invalid_message', type, 'could not do this now')
          }
        })
        await u.chain
      })
    }

    /** Answers a refused message; persistent offenders are disconnected. */
    reject(client: AuditoriumClient, code: RoomErrorCode, type: string, message: string): void {
      client.userData?.guard.refuse(client, EV_S2C.error, { code, type, message } satisfies RoomErrorMsg)
    }
  }
}

/** An auditorium room instance, as handlers and the stage sync see it. */
export type AuditoriumRoomInstance = InstanceType<ReturnType<typeof auditoriumRoom>>

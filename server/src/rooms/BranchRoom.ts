import {
  Avatar,
  BranchState,
  C2S,
  C2SValidators,
  CLOSE_SESSION_ENDED,
  NET,
  POSE_FRAME_TYPE,
  S2C,
  ZONES,
  zoneIndex,
  type ChatLine,
  type PlacedMsg,
  type RoomErrorCode,
  type RoomErrorMsg,
  type TokenClaims,
} from '@atrium/common'
import { Room, ServerError, type AuthContext, type Client } from '@colyseus/core'
import type { z } from 'zod'

import { decide } from '../policy/policy.ts'
import { REVOKED_CHANNEL, type RevokedMessage } from '../services/accounts/SessionService.ts'
import { authenticate } from '../services/auth.ts'
import { ChatService } from '../services/ChatService.ts'
import { ClientGuard } from '../services/ClientGuard.ts'
import { claimInstance, releaseInstance } from '../services/instances.ts'
import { checkMotion, checkTeleport } from '../services/MotionValidator.ts'
import { PoseBroadcaster, type BroadcastStats, type Viewer } from '../services/PoseBroadcaster.ts'
import { PoseStore, restPose, spawnPoint } from '../services/PoseStore.ts'
import { USER_NOTICE_CHANNEL, type UserNoticeMessage } from '../services/notices/UserNotices.ts'

/** Options given when the room type is defined (server side, never from clients). */
export interface BranchRoomOptions {
  maxClients: number
  reconnectSeconds: number
}

interface UserData {
  guard: ClientGuard
  viewer: Viewer
}

type BranchClient = Client<UserData, TokenClaims>

/** The atrium: avatars, poses, zones and chat. Lifecycle plus a message table; logic lives in services. */
export class BranchRoom extends Room<BranchState> {
  private poses!: PoseStore
  private broadcaster!: PoseBroadcaster
  private chat!: ChatService
  private reconnectSeconds: number = NET.reconnectSeconds
  private tick = 0
  /** Running totals read by the benchmark through `matchMaker.getLocalRoomById`. */
  readonly stats: BroadcastStats & { tickMs: number; ticks: number } = {
    frames: 0,
    records: 0,
    bytes: 0,
    tickMs: 0,
    ticks: 0,
  }

  static override async onAuth(token: string, _options: unknown, _context: AuthContext): Promise<TokenClaims> {
    const claims = await authenticate(token)
    if (!decide(claims, 'branch.enter').allow) throw new ServerError(403, 'you may not enter the branch')
    return claims
  }

  override async onCreate(options: BranchRoomOptions): Promise<void> {
    this.maxClients = options.maxClients
    this.reconnectSeconds = options.reconnectSeconds
    this.setState(new BranchState())
    // seats held for reconnection still own a slot, so allow for them
    this.poses = new PoseStore(options.maxClients * 2)
    this.broadcaster = new PoseBroadcaster(this.poses)
    const instance = await claimInstance(this.presence)
    this.state.instance = instance
    this.state.maxClients = options.maxClients
    await this.setMetadata({ instance })
    this.chat = new ChatService(this.presence, instance)
    await this.chat.init()
    await this.presence.subscribe(REVOKED_CHANNEL, this.onRevoked)
    await this.presence.subscribe(USER_NOTICE_CHANNEL, this.onNotice)

    this.handle(C2S.pose, (c, m) => this.onPose(c, m))
    this.handle(C2S.teleport, (c, m) => this.onTeleport(c, m))
    this.handle(C2S.travel, (c, m) => this.onTravel(c, m))
    this.handle(C2S.chat, (c, m) => this.onChat(c, m))
    this.handle(C2S.speaking, (c, m) => this.withAvatar(c, (a) => (a.speaking = m.speaking)))
    this.onMessage('*', (client: BranchClient, type) =>
      this.reject(client, 'unknown_message', String(type), 'unknown message type'),
    )

    // patches and pose frames go out together on one clock
    this.setPatchRate(null)
    this.setSimulationInterval(() => this.onTick(), 1000 / NET.tickHz)
  }

  override async onJoin(client: BranchClient, _options: unknown, auth: TokenClaims): Promise<void> {
    const slot = this.poses.allocate('atrium')
    const avatar = new Avatar()
    avatar.assign({ id: auth.id, name: auth.name, look: auth.look, lang: auth.lang, slot, zone: zoneIndex('atrium') })
    this.state.avatars.set(client.sessionId, avatar)
    client.userData = {
      guard: new ClientGuard(),
      viewer: {
        slot,
        sent: this.broadcaster.createViewerState(),
        send: (frame) => client.sendBytes(POSE_FRAME_TYPE, frame),
      },
    }
    const p = spawnPoint('atrium', slot)
    client.send(S2C.placed, { x: p.x, z: p.z, yaw: p.yaw } satisfies PlacedMsg)
    client.send(S2C.chatHistory, await this.chat.history())
  }

  override async onLeave(client: BranchClient, consented: boolean): Promise<void> {
    const avatar = this.state.avatars.get(client.sessionId)
    if (!avatar) return
    if (!consented && this.reconnectSeconds > 0 && !client.userData?.guard.banned) {
      avatar.connected = false
      try {
        const back = (await this.allowReconnection(client, this.reconnectSeconds)) as BranchClient
        avatar.connected = true
        const viewer = back.userData?.viewer
        // resend everything: the new connection's client starts from an empty pose buffer
        viewer?.sent.fill(0)
        return
      } catch {
        // the seat expired: fall through and free it
      }
    }
    this.poses.free(avatar.slot)
    this.state.avatars.delete(client.sessionId)
  }

  override async onDispose(): Promise<void> {
    this.presence.unsubscribe(REVOKED_CHANNEL, this.onRevoked)
    this.presence.unsubscribe(USER_NOTICE_CHANNEL, this.onNotice)
    await releaseInstance(this.presence, this.state.instance)
  }

  /** A session ended somewhere (any process): its connections leave at once. */
  private readonly onRevoked = (msg: RevokedMessage): void => {
    for (const client of this.clients) {
      const auth = client.auth as TokenClaims | undefined
      if (auth?.id === msg.userId && (!msg.sid || auth.sid === msg.sid)) {
        const guard = (client as BranchClient).userData?.guard
        if (guard) guard.banned = true
        client.leave(CLOSE_SESSION_ENDED, 'session ended')
      }
    }
  }

  /** A notice for someone (from any process): their connections here pass it on. */
  private readonly onNotice = (msg: UserNoticeMessage): void => {
    for (const client of this.clients) {
      if ((client.auth as TokenClaims | undefined)?.id === msg.userId) client.send(S2C.notice, msg.notice)
    }
  }

  override onUncaughtException(error: Error, methodName: string): void {
    console.error(`[branch ${this.roomId}] ${methodName} failed:`, error)
  }

  /** Guards the raw decoder too: a malformed frame costs the sender a strike, never the room. */
  protected override _onMessage(client: Parameters<Room['_onMessage']>[0], buffer: Buffer): void {
    try {
      super._onMessage(client, buffer)
    } catch {
      this.reject(client as unknown as BranchClient, 'invalid_message', 'raw', 'malformed message')
    }
  }

  private onTick(): void {
    const t0 = performance.now()
    this.tick = (this.tick + 1) & 0xffff
    this.broadcastPatch()
    const viewers: Viewer[] = []
    for (const c of this.clients as unknown as BranchClient[]) if (c.userData) viewers.push(c.userData.viewer)
    this.broadcaster.broadcast(viewers, this.tick, this.stats)
    this.stats.tickMs += performance.now() - t0
    this.stats.ticks++
  }

  /** Registers a handler that receives only messages that pass the zod schema of `type`. */
  private handle<K extends keyof typeof C2SValidators>(
    type: K,
    fn: (client: BranchClient, msg: z.output<(typeof C2SValidators)[K]>) => void | Promise<void>,
  ): void {
    const schema = C2SValidators[type]
    this.onMessage(type, (client: BranchClient, raw: unknown) => {
      if (!client.userData) return
      if (type !== C2S.pose && type !== C2S.chat && !client.userData.guard.misc.take()) {
        return this.reject(client, 'rate_limited', type, 'too many messages')
      }
      const parsed = schema.safeParse(raw)
      if (!parsed.success)
        return this.reject(client, 'invalid_message', type, parsed.error.issues[0]?.message ?? 'invalid')
      return fn(client, parsed.data as z.output<(typeof C2SValidators)[K]>)
    })
  }

  private onPose(client: BranchClient, msg: z.output<typeof C2SValidators.pose>): void {
    const { guard, viewer } = client.userData!
    if (!guard.pose.take()) return this.reject(client, 'rate_limited', C2S.pose, 'more than 30 poses per second')
    const slot = viewer.slot
    const last = [this.poses.headX(slot), this.poses.headY(slot), this.poses.headZ(slot)]
    const verdict = checkMotion(msg, last, (Date.now() - this.poses.acceptedAt[slot]!) / 1000)
    if (!verdict.ok) {
      this.reject(client, 'implausible_move', C2S.pose, verdict.reason)
      client.send(S2C.correction, { x: last[0], y: last[1], z: last[2] })
      return
    }
    this.setPose(client, verdict.pose)
  }

  private onTeleport(client: BranchClient, msg: z.output<typeof C2SValidators.teleport>): void {
    const slot = client.userData!.viewer.slot
    const why = checkTeleport(this.poses.headX(slot), this.poses.headZ(slot), msg.x, msg.z)
    if (why) return this.reject(client, 'invalid_teleport', C2S.teleport, why)
    this.setPose(client, restPose(msg.x, msg.z, this.poses.headY(slot)))
  }

  private onTravel(client: BranchClient, msg: z.output<typeof C2SValidators.travel>): void {
    const s = ZONES[msg.zone].spawn
    this.setPose(client, restPose(s.x, s.z))
  }

  private async onChat(client: BranchClient, msg: z.output<typeof C2SValidators.chat>): Promise<void> {
    if (!decide(client.auth as TokenClaims, 'chat.send').allow)
      return this.reject(client, 'forbidden', C2S.chat, 'you may not chat here')
    if (!client.userData!.guard.chat.take())
      return this.reject(client, 'rate_limited', C2S.chat, 'at most 5 messages per 10 s')
    const avatar = this.state.avatars.get(client.sessionId)
    if (!avatar) return
    const line: ChatLine = await this.chat.append({
      from: avatar.id,
      name: avatar.name,
      text: msg.text,
      at: Date.now(),
    })
    this.broadcast(S2C.chat, line)
  }

  private setPose(client: BranchClient, pose: Parameters<PoseStore['set']>[1]): void {
    const zone = this.poses.set(client.userData!.viewer.slot, pose)
    if (zone !== undefined) this.withAvatar(client, (a) => (a.zone = zone))
  }

  private withAvatar(client: BranchClient, fn: (a: Avatar) => void): void {
    const a = this.state.avatars.get(client.sessionId)
    if (a) fn(a)
  }

  private reject(client: BranchClient, code: RoomErrorCode, type: string, message: string): void {
    client.userData?.guard.refuse(client, S2C.error, { code, type, message } satisfies RoomErrorMsg)
  }
}

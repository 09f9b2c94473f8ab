import {
  CLOSE_SESSION_ENDED,
  CLOSE_SUITE_ENDED,
  SUITE_C2S,
  SUITE_S2C,
  SuiteJoinOptions,
  SuiteParticipant,
  SuiteState,
  SuiteValidators,
  type RoomErrorCode,
  type RoomErrorMsg,
  type TokenClaims,
} from '@atrium/common'
import { Room, ServerError, type AuthContext, type Client } from '@colyseus/core'
import type { z } from 'zod'

import { Forbidden } from '../../policy/policy.ts'
import { REVOKED_CHANNEL, type RevokedMessage } from '../../services/accounts/SessionService.ts'
import { SESSION_ENDED_CHANNEL } from '../../services/advisors/SessionRecords.ts'
import type { SuiteHost } from '../../services/advisors/SuiteHost.ts'
import { authenticate } from '../../services/auth.ts'
import { ClientGuard } from '../../services/ClientGuard.ts'

/** Options given when the room type is defined (server side) merged with the creating client's join options. */
export interface SuiteRoomOptions {
  suites: SuiteHost
  reference?: unknown
}

type SuiteClient = Client<{ guard: ClientGuard }, TokenClaims>

/**
 * One private advisory suite: its parties (names and pseudonymous ids), the shared sandbox session on the table and
 * the wall panel. Only the session's participants get in (onAuth); it closes when the session ends, in any process.
 */
export class SuiteRoom extends Room<SuiteState> {
  private suites!: SuiteHost

  override async onCreate(options: SuiteRoomOptions): Promise<void> {
    const opts = SuiteJoinOptions.safeParse({ reference: options.reference })
    if (!opts.success) throw new ServerError(400, 'a suite reference is required')
    this.suites = options.suites
    this.maxClients = 8
    this.setState(new SuiteState())
    this.state.reference = opts.data.reference
    const wall = await this.suites.wall(opts.data.reference)
    this.state.wall.assign({ kind: wall.kind, title: wall.title, page: wall.page })
    this.state.sandboxSessionId = (await this.suites.sandboxSessionId(opts.data.reference)) ?? ''
    await this.presence.subscribe(SESSION_ENDED_CHANNEL, this.onEnded)
    await this.presence.subscribe(REVOKED_CHANNEL, this.onRevoked)
    this.onMessage(SUITE_C2S.wall, (client: SuiteClient, raw: unknown) => this.onWall(client, raw))
    this.onMessage('*', (client: SuiteClient, type) =>
      this.reject(client, 'unknown_message', String(type), 'unknown message type'),
    )
  }

  override async onAuth(_client: SuiteClient, options: unknown, context: AuthContext): Promise<TokenClaims> {
    const claims = await authenticate(context.token)
    const opts = SuiteJoinOptions.safeParse(options)
    if (!opts.success || opts.data.reference !== this.state.reference) throw new ServerError(400, 'wrong suite')
    try {
      const parties = await this.suites.admit(claims, opts.data.reference)
      for (const p of parties.participants) this.seat(p.id, p.displayName, p.role)
    } catch (e) {
      if (e instanceof Forbidden) throw new ServerError(403, 'this suite is private to its session')
      throw e
    }
    return claims
  }

  override onJoin(client: SuiteClient, _options: unknown, auth: TokenClaims): void {
    client.userData = { guard: new ClientGuard() }
    const p = this.state.participants.get(auth.id)
    if (p) p.present = true
  }

  override onLeave(client: SuiteClient): void {
    const id = (client.auth as TokenClaims | undefined)?.id
    if (!id || this.clients.some((c) => c !== client && (c.auth as TokenClaims | undefined)?.id === id)) return
    const p = this.state.participants.get(id)
    if (p) p.present = false
  }

  override onDispose(): void {
    this.presence.unsubscribe(SESSION_ENDED_CHANNEL, this.onEnded)
    this.presence.unsubscribe(REVOKED_CHANNEL, this.onRevoked)
  }

  override onUncaughtException(error: Error, methodName: string): void {
    console.error(`[suite ${this.state.reference}] ${methodName} failed:`, error)
  }

  /** Guards the raw decoder too: a malformed frame costs the sender a strike, never the room. */
  protected override _onMessage(client: Parameters<Room['_onMessage']>[0], buffer: Buffer): void {
    try {
      super._onMessage(client, buffer)
    } catch {
      this.reject(client as unknown as SuiteClient, 'invalid_message', 'raw', 'malformed message')
    }
  }

  private seat(id: string, name: string, role: string): void {
    if (this.state.participants.has(id)) return
    const p = new SuiteParticipant()
    p.assign({ id, name, role, present: false })
    this.state.participants.set(id, p)
  }

  private async onWall(client: SuiteClient, raw: unknown): Promise<void> {
    const guard = client.userData?.guard
    if (!guard) return
    if (!guard.misc.take()) return this.reject(client, 'rate_limited', SUITE_C2S.wall, 'too many messages')
    const parsed = SuiteValidators.wall.safeParse(raw)
    if (!parsed.success)
      return this.reject(client, 'invalid_message', SUITE_C2S.wall, parsed.error.issues[0]?.message ?? 'invalid')
    const who = client.auth as TokenClaims
    if (!(await this.suites.isParty(who.id, this.state.reference)))
      return this.reject(client, 'forbidden', SUITE_C2S.wall, 'not in this session')
    const wall: z.output<typeof SuiteValidators.wall> = parsed.data
    await this.suites.putOnWall(this.state.reference, wall)
    this.state.wall.assign({ ...wall, by: who.id })
  }

  /** The advisor sent the summary: everyone leaves, wherever this room runs. */
  private readonly onEnded = (reference: string): void => {
    if (reference !== this.state.reference) return
    this.state.status = 'ended'
    this.broadcast(SUITE_S2C.ended, { reference })
    for (const c of this.clients) c.leave(CLOSE_SUITE_ENDED, 'session ended')
  }

  private readonly onRevoked = (msg: RevokedMessage): void => {
    for (const client of this.clients) {
      const auth = client.auth as TokenClaims | undefined
      if (auth?.id === msg.userId && (!msg.sid || auth.sid === msg.sid))
        client.leave(CLOSE_SESSION_ENDED, 'session ended')
    }
  }

  private reject(client: SuiteClient, code: RoomErrorCode, type: string, message: string): void {
    client.userData?.guard.refuse(client, SUITE_S2C.error, { code, type, message } satisfies RoomErrorMsg)
  }
}

import {
  CLOSE_SESSION_ENDED,
  SandboxJoinOptions,
  SandboxSessionId,
  SandboxState,
  SB_C2S,
  SB_S2C,
  SB_VALIDATORS,
  type SandboxRole,
  type SbErrorCode,
  type SbErrorMsg,
  type SbWelcomeMsg,
  type TokenClaims,
} from '@atrium/common'
import { Room, ServerError, type AuthContext, type Client } from '@colyseus/core'
import type { z } from 'zod'

import { SANDBOX_CLOSED_CHANNEL } from '../../http/routes/sandboxRoutes.ts'
import { decide } from '../../policy/policy.ts'
import { REVOKED_CHANNEL, type RevokedMessage } from '../../services/accounts/SessionService.ts'
import { authenticate } from '../../services/auth.ts'
import { ClientGuard } from '../../services/ClientGuard.ts'
import type { SandboxServices } from '../../services/sandbox/createSandboxServices.ts'
import { roomErrorCode } from '../../services/sandbox/roomErrors.ts'
import { memberPseudonym } from '../../services/sandbox/ids.ts'
import { roomState } from '../../services/sandbox/roomState.ts'

/** Who joined: the token's claims and the membership checked before a seat was reserved. */
export interface SandboxAuth {
  claims: TokenClaims
  /** Named so as not to clash with Colyseus's own `sessionId` in auth data. */
  sandboxSessionId: string
  role: SandboxRole
}

type SandboxClient = Client<{ guard: ClientGuard }, SandboxAuth>
type Validators = typeof SB_VALIDATORS

let services: SandboxServices | undefined

/** Installs the process's sandbox services for the static `onAuth` (set once at start-up, like setRoomAuth). */
export function setSandboxAuth(s: SandboxServices): void {
  services = s
}

/**
 * One shared sandbox session: members (customer, invited advisor or family), the plan and pending proposals.
 * Lifecycle plus a message table; every change goes through the sandbox services, which check, record and audit it.
 */
export class SandboxRoom extends Room<SandboxState> {
  private sb!: SandboxServices
  private ownerId = ''
  /** Changes run one after another so the state's version never goes backwards. */
  private queue: Promise<void> = Promise.resolve()

  /** Runs before a seat (or a room) exists: a live session token and membership of the session asked for. */
  static override async onAuth(token: string, options: unknown, _context: AuthContext): Promise<SandboxAuth> {
    const claims = await authenticate(token)
    if (!decide(claims, 'sandbox.join').allow) throw new ServerError(403, 'you may not join shared sessions')
    const parsed = SandboxJoinOptions.safeParse(options)
    if (!parsed.success || !services) throw new ServerError(400, 'name a shared session')
    const member = await services.sessions.membership(parsed.data.sessionId, claims.id)
    if (!member) throw new ServerError(404, 'no such shared session')
    return { claims, sandboxSessionId: parsed.data.sessionId, role: member.role }
  }

  override async onCreate(options: { services: SandboxServices; sessionId?: unknown }): Promise<void> {
    this.sb = options.services
    // the session id is the client's join option (filterBy): checked again here, not trusted
    const id = SandboxSessionId.safeParse(options.sessionId)
    const session = id.success ? await this.sb.sessions.get(id.data) : undefined
    if (!session) throw new ServerError(404, 'no such shared session')
    this.ownerId = session.ownerId
    const state = new SandboxState()
    state.assign({ sessionId: session.id, name: session.name })
    roomState.plan(state, { data: session.data, version: session.version, risk: '' })
    this.setState(state)
    await this.refreshRisk()
    for (const p of await this.sb.changes.pending(session.id)) await this.showProposal(p)
    await this.presence.subscribe(REVOKED_CHANNEL, this.onRevoked)
    await this.presence.subscribe(SANDBOX_CLOSED_CHANNEL, this.onClosed)

    this.handle(SB_C2S.edit, async (client, auth, msg) => {
      if (auth.role !== 'owner')
        return this.reject(client, 'forbidden', SB_C2S.edit, 'only the owner edits; propose instead')
      roomState.plan(
        this.state,
        await this.sb.changes.edit({ id: this.state.sessionId, ownerId: this.ownerId }, this.actor(auth), msg.data),
      )
    })
    this.handle(SB_C2S.propose, async (client, auth, msg) => {
      if (auth.role === 'owner') return this.reject(client, 'forbidden', SB_C2S.propose, 'the owner edits directly')
      await this.showProposal(await this.sb.changes.propose(this.state.sessionId, this.actor(auth), msg.data, msg.note))
    })
    this.handle(SB_C2S.decide, async (client, auth, msg) => {
      if (auth.role !== 'owner') return this.reject(client, 'forbidden', SB_C2S.decide, 'only the owner decides')
      const ref = { id: this.state.sessionId, ownerId: this.ownerId }
      const applied = await this.sb.changes.decide(ref, this.actor(auth), msg.proposalId, msg.accept)
      roomState.removeProposal(this.state, msg.proposalId)
      if (applied) roomState.plan(this.state, applied)
    })
    this.onMessage('*', (client: SandboxClient, type) =>
      this.reject(client, 'unknown_message', String(type), 'unknown message type'),
    )
  }

  override async onJoin(client: SandboxClient, _options: unknown, auth: SandboxAuth): Promise<void> {
    // joinById could aim a membership of one session at another session's room
    if (auth.sandboxSessionId !== this.state.sessionId) throw new ServerError(403, 'not a member of this session')
    client.userData = { guard: new ClientGuard() }
    if (decide(auth.claims, 'sandbox.join').audit) {
      await this.sb.sessions.recordStaffView(this.actor(auth), { id: this.state.sessionId, ownerId: this.ownerId }, [
        'plan',
      ])
    }
    await this.refreshMembers()
    client.send(SB_S2C.welcome, {
      sessionId: this.state.sessionId,
      memberId: memberPseudonym(this.state.sessionId, auth.claims.id),
      role: auth.role,
    } satisfies SbWelcomeMsg)
  }

  override async onLeave(): Promise<void> {
    await this.refreshMembers()
  }

  override onDispose(): void {
    this.presence.unsubscribe(REVOKED_CHANNEL, this.onRevoked)
    this.presence.unsubscribe(SANDBOX_CLOSED_CHANNEL, this.onClosed)
  }

  override onUncaughtException(error: Error, methodName: string): void {
    console.error(`[sandbox ${this.roomId}] ${methodName} failed:`, error)
  }

  /** Guards the raw decoder too: a malformed frame costs the sender a strike, never the room. */
  protected override _onMessage(client: Parameters<Room['_onMessage']>[0], buffer: Buffer): void {
    try {
      super._onMessage(client, buffer)
    } catch {
      this.reject(client as unknown as SandboxClient, 'invalid_message', 'raw', 'malformed message')
    }
  }

  private readonly onRevoked = (msg: RevokedMessage): void => {
    for (const client of this.clients as unknown as SandboxClient[]) {
      const claims = client.auth?.claims
      if (claims?.id === msg.userId && (!msg.sid || claims.sid === msg.sid))
        client.leave(CLOSE_SESSION_ENDED, 'session ended')
    }
  }

  private readonly onClosed = (sessionId: string): void => {
    if (sessionId === this.state.sessionId) this.disconnect().catch(() => undefined)
  }

  /** Registers a handler that gets only rate-limited messages that pass their zod schema, one at a time. */
  private handle<K extends keyof Validators>(
    type: K,
    fn: (client: SandboxClient, auth: SandboxAuth, msg: z.output<Validators[K]>) => Promise<void>,
  ): void {
    this.onMessage(type, (client: SandboxClient, raw: unknown) => {
      const auth = client.auth
      if (!client.userData || !auth) return
      if (!client.userData.guard.misc.take()) return this.reject(client, 'rate_limited', type, 'too many messages')
      const parsed = SB_VALIDATORS[type].safeParse(raw)
      if (!parsed.success)
        return this.reject(client, 'invalid_message', type, parsed.error.issues[0]?.message ?? 'invalid')
      this.queue = this.queue.then(() =>
        fn(client, auth, parsed.data as z.output<Validators[K]>).catch((e: unknown) => {
          const known = roomErrorCode(e)
          if (!known) console.error(`[sandbox ${this.roomId}] ${type} failed:`, e)
          this.reply(
            client,
            known?.code ?? 'invalid_message',
            type,
            known?.message ?? 'the change could not be applied',
          )
        }),
      )
    })
  }

  private actor(auth: SandboxAuth) {
    return { id: auth.claims.id, role: auth.claims.role }
  }

  private async showProposal(p: Parameters<typeof roomState.addProposal>[1]): Promise<void> {
    const members = await this.sb.sessions.members(this.state.sessionId)
    const risk = (await this.sb.suitability.check(this.ownerId, p.data))?.risk ?? ''
    roomState.addProposal(this.state, p, members.find((m) => m.userId === p.authorId)?.name ?? '', risk)
  }

  private async refreshRisk(): Promise<void> {
    const data = JSON.parse(this.state.plan) as Parameters<SandboxServices['suitability']['check']>[1]
    this.state.risk = (await this.sb.suitability.check(this.ownerId, data))?.risk ?? ''
  }

  private async refreshMembers(): Promise<void> {
    const online = new Set(
      (this.clients as unknown as SandboxClient[]).map((c) => c.auth?.claims.id).filter((id) => id !== undefined),
    )
    roomState.members(this.state, await this.sb.sessions.members(this.state.sessionId), online)
  }

  private reply(client: SandboxClient, code: SbErrorCode, type: string, message: string): void {
    if (client.userData?.guard.mayReply()) client.send(SB_S2C.error, { code, type, message } satisfies SbErrorMsg)
  }

  private reject(client: SandboxClient, code: SbErrorCode, type: string, message: string): void {
    client.userData?.guard.refuse(client, SB_S2C.error, { code, type, message } satisfies SbErrorMsg)
  }
}

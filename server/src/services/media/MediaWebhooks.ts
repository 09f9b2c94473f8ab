import { MediaIdentity, type Role } from '@atrium/common'
import { WebhookReceiver, type WebhookEvent } from 'livekit-server-sdk'

import type { AtriumDb } from '../../db/database.ts'
import type { Actor, AuditLog } from '../audit/AuditLog.ts'

/** A webhook whose signature or body does not check out; answered 401 and never recorded. */
export class InvalidWebhook extends Error {}

/**
 * LiveKit's webhooks: verifies each one (a JWT in `Authorization` signed with our API secret, whose `sha256` claim
 * is the body's hash) and records participants joining and leaving media rooms to the audit trail, under their
 * pseudonymous ids only.
 */
export class MediaWebhooks {
  private readonly receiver: WebhookReceiver | undefined

  constructor(
    private readonly handle: AtriumDb,
    private readonly audit: AuditLog,
    keys: { apiKey: string; apiSecret: string } | undefined,
  ) {
    this.receiver = keys && new WebhookReceiver(keys.apiKey, keys.apiSecret)
  }

  /** Whether webhooks can be verified at all (LiveKit is configured). */
  get enabled(): boolean {
    return this.receiver !== undefined
  }

  /** Verifies the raw body against the `Authorization` header and parses it; throws InvalidWebhook. */
  async receive(raw: string, authorization: string | undefined): Promise<WebhookEvent> {
    if (!this.receiver) throw new InvalidWebhook('media is not configured')
    try {
      return await this.receiver.receive(raw, authorization)
    } catch (e) {
      throw new InvalidWebhook(e instanceof Error ? e.message : 'invalid webhook')
    }
  }

  /** Records joins and leaves; returns whether the event was recorded (other events are acknowledged only). */
  async record(event: WebhookEvent): Promise<boolean> {
    const action =
      event.event === 'participant_joined'
        ? 'media.joined'
        : event.event === 'participant_left' || event.event === 'participant_connection_aborted'
          ? 'media.left'
          : undefined
    if (!action) return false
    const identity = event.participant?.identity ?? ''
    const actor = await this.actorOf(identity)
    await this.audit.append({
      actor,
      action,
      subjectId: actor.id === 'unknown' ? null : actor.id,
      detail: {
        room: event.room?.name ?? '',
        event: event.event,
        eventId: event.id,
        ...(event.participant?.sid && { participantSid: event.participant.sid }),
      },
    })
    return true
  }

  /** The participant as an audit actor: guests by prefix, accounts with their current role. */
  private async actorOf(identity: string): Promise<Actor> {
    if (!MediaIdentity.safeParse(identity).success) return { id: 'unknown', role: 'system' }
    if (identity.startsWith('g_')) return { id: identity, role: 'guest' }
    const row = await this.handle.db.selectFrom('users').select('role').where('id', '=', identity).executeTakeFirst()
    return { id: identity, role: row ? (row.role as Role) : 'system' }
  }
}

import {
  MEDIA_TOKEN_TTL_SECONDS,
  mediaRoomName,
  type MediaClientConfig,
  type MediaModerationResponse,
  type MediaMuteRequest,
  type MediaPublishSource,
  type MediaRemoveRequest,
  type MediaRoomRef,
  type MediaSpeakerRequest,
  type MediaTokenResponse,
} from '@atrium/common'
import type { Presence } from '@colyseus/core'
import { AccessToken, RoomServiceClient, TrackSource, TwirpError } from 'livekit-server-sdk'

import type { AtriumDb } from '../../db/database.ts'
import { authorize, decide, Forbidden, type PolicyContext, type Principal } from '../../policy/policy.ts'
import { SYSTEM_ACTOR, type AuditLog } from '../audit/AuditLog.ts'
import { eventMediaContext } from '../events/eventMediaContext.ts'
import { isEventSpeaker } from '../events/StageBus.ts'
import { suiteMediaContext } from '../advisors/suiteMediaContext.ts'
import { NotFound } from '../privacy/StaffAccess.ts'
import { ALL_SOURCES, browserGrant, PROMOTED_SOURCES, sourceNames, trackSources } from './mediaGrants.ts'
import { MediaWebhooks } from './MediaWebhooks.ts'

/** Where LiveKit is and the keys to sign for it (resolved: development keys already filled in). */
export interface MediaSettings {
  /** WebSocket URL for browsers. */
  url: string
  /** HTTP URL of LiveKit's API for this server. */
  apiUrl: string
  apiKey: string
  apiSecret: string
}

/** Voice and video cannot be offered now (not configured, or the media server does not answer): HTTP 503. */
export class MediaUnavailable extends Error {}

/** A removed participant cannot get a new token for that room for this long. */
export const REMOVAL_SECONDS = 30 * 60
/** A promotion to auditorium speaker outlives token refreshes for this long. */
const SPEAKER_SECONDS = 4 * 60 * 60
/** How long a successful reachability check of LiveKit is trusted. */
const REACHABLE_MS = 10_000

/**
 * Media rooms on LiveKit: tokens whose grants follow the room and the caller's role, and moderation (mute, remove,
 * promote, demote) on the live server, each action audited. Removals and promotions are kept in presence, so every
 * server process honours them when it mints the next token.
 */
export class MediaService {
  /** LiveKit's webhooks (joins and leaves to the audit trail). */
  readonly webhooks: MediaWebhooks
  private readonly rooms: RoomServiceClient | undefined
  private reachableAt = 0

  constructor(
    private readonly handle: AtriumDb,
    private readonly presence: Presence,
    private readonly audit: AuditLog,
    private readonly settings: MediaSettings | undefined,
  ) {
    this.webhooks = new MediaWebhooks(handle, audit, settings)
    this.rooms = settings && new RoomServiceClient(settings.apiUrl, settings.apiKey, settings.apiSecret)
  }

  /** What GET /api/config tells the client: the LiveKit URL, or null when voice and video are off. */
  clientConfig(): MediaClientConfig['media'] {
    return this.settings ? { url: this.settings.url } : null
  }

  /** A token for one room, valid for ten minutes; 403 when the caller may not join it, 503 without LiveKit. */
  async token(who: Principal, ref: MediaRoomRef): Promise<MediaTokenResponse> {
    const roomName = mediaRoomName(ref)
    const ctx = await this.policyContext(ref, who)
    authorize(who, 'media.join', ctx)
    if (await this.presence.get(removedKey(roomName, who.id))) throw new Forbidden('removed')
    const settings = await this.reachable()
    const canPublish = await this.sourcesFor(who, ref, ctx)
    const at = new AccessToken(settings.apiKey, settings.apiSecret, {
      identity: who.id,
      ttl: MEDIA_TOKEN_TTL_SECONDS,
    })
    at.addGrant(browserGrant(roomName, canPublish))
    const token = await at.toJwt()
    return {
      url: settings.url,
      token,
      expiresAt: Date.now() + MEDIA_TOKEN_TTL_SECONDS * 1000,
      identity: who.id,
      roomName,
      canPublish,
    }
  }

  /** Mutes one published track of a participant. */
  async mute(who: Principal, req: MediaMuteRequest): Promise<MediaModerationResponse> {
    const { roomName, rooms, basis } = await this.moderation(who, req)
    // LiveKit answers "unavailable" rather than "not found" for a participant who is not there: look first
    const participant = await liveCall('participant', () => rooms.getParticipant(roomName, req.identity))
    if (!participant.tracks.some((t) => t.sid === req.trackSid)) throw new NotFound('no such track in this media room')
    await liveCall('track', () => rooms.mutePublishedTrack(roomName, req.identity, req.trackSid, true))
    await this.record(who, roomName, req.identity, { op: 'mute', trackSid: req.trackSid, basis })
    return { ok: true, roomName, identity: req.identity }
  }

  /**
   * Removes a participant, who then gets no new token for that room for REMOVAL_SECONDS. The call also asks LiveKit to
   * revoke tokens issued before now (revokeTokenTs), but livekit-server v1.13.5 ignores that field, so a browser
   * still holding its token (at most ten minutes) could rejoin: `webhook` removes it again as soon as it joins.
   */
  async remove(who: Principal, req: MediaRemoveRequest): Promise<MediaModerationResponse> {
    const { roomName, rooms, basis } = await this.moderation(who, req)
    // LiveKit revokes tokens whose nbf is before this; nbf has whole seconds, so cover the current one too
    const revokeTokenTs = BigInt(Math.floor(Date.now() / 1000) + 1)
    await liveCall('participant', () => rooms.removeParticipant(roomName, req.identity, { revokeTokenTs }))
    await this.presence.setex(removedKey(roomName, req.identity), '1', REMOVAL_SECONDS)
    await this.presence.del(speakerKey(roomName, req.identity))
    await this.record(who, roomName, req.identity, { op: 'remove', basis })
    return { ok: true, roomName, identity: req.identity }
  }

  /** Promotes an auditorium participant to speaker (microphone and camera) on the live connection, or demotes them. */
  async setSpeaker(who: Principal, req: MediaSpeakerRequest): Promise<MediaModerationResponse> {
    const { roomName, rooms, basis } = await this.moderation(who, req)
    const sources = req.speaker ? PROMOTED_SOURCES : []
    await liveCall('participant', () => rooms.getParticipant(roomName, req.identity))
    // LiveKit replaces the whole permission, so every field we rely on is set
    const info = await liveCall('participant', () =>
      rooms.updateParticipant(roomName, req.identity, {
        permission: {
          canSubscribe: true,
          canPublish: req.speaker,
          canPublishSources: trackSources(sources),
          canPublishData: false,
          canUpdateMetadata: false,
        },
      }),
    )
    // an event's speakers are recorded on its stage (StageBus), which its tokens follow; other rooms keep them here
    if (req.room !== 'event') {
      if (req.speaker) await this.presence.setex(speakerKey(roomName, req.identity), '1', SPEAKER_SECONDS)
      else await this.presence.del(speakerKey(roomName, req.identity))
    }
    await this.record(who, roomName, req.identity, { op: req.speaker ? 'promote' : 'demote', basis })
    const permission = info.permission
    const canPublish = permission?.canPublish ? sourceNames(permission.canPublishSources) : []
    return { ok: true, roomName, identity: req.identity, canPublish }
  }

  /**
   * Mutes every published microphone in the room except those of presenters (an education event's host); the
   * clients are told to turn their microphones off too. Returns how many tracks were muted.
   */
  async muteAll(who: Principal, ref: MediaRoomRef): Promise<number> {
    const { roomName, rooms, basis } = await this.moderation(who, ref)
    const ctx = await this.policyContext(ref, who)
    const participants = await liveCall('room', () => rooms.listParticipants(roomName))
    let muted = 0
    for (const p of participants) {
      if (ctx.eventHost !== undefined && p.identity === ctx.eventHost) continue
      for (const t of p.tracks) {
        if (t.source !== TrackSource.MICROPHONE || t.muted) continue
        await liveCall('track', () => rooms.mutePublishedTrack(roomName, p.identity, t.sid, true))
        muted++
      }
    }
    await this.record(who, roomName, '*', { op: 'mute_all', muted, basis })
    return muted
  }

  /**
   * A webhook from LiveKit: verified (InvalidWebhook otherwise), joins and leaves recorded, and a participant who
   * rejoins a room they were removed from (with a token issued before the removal) removed again.
   */
  async webhook(raw: string, authorization: string | undefined): Promise<{ recorded: boolean }> {
    const event = await this.webhooks.receive(raw, authorization)
    const recorded = await this.webhooks.record(event)
    const room = event.room?.name
    const identity = event.participant?.identity
    if (event.event === 'participant_joined' && room && identity) await this.enforceRemoval(room, identity)
    return { recorded }
  }

  /** Removes a participant again who joined a room they were removed from; audited as the system's action. */
  private async enforceRemoval(room: string, identity: string): Promise<void> {
    const rooms = this.rooms
    if (!rooms || !(await this.presence.get(removedKey(room, identity)))) return
    try {
      await liveCall('participant', () => rooms.removeParticipant(room, identity))
    } catch (e) {
      // already gone again
      if (!(e instanceof NotFound)) throw e
    }
    await this.audit.append({
      actor: SYSTEM_ACTOR,
      action: 'media.moderated',
      subjectId: identity,
      detail: { room, op: 'remove', basis: 'rejoined_after_removal' },
    })
  }

  /** Who the room concerns: for a suite, its hand-off's customer and the advisor who took it. */
  private async policyContext(ref: MediaRoomRef, who: Principal): Promise<PolicyContext> {
    if (ref.room === 'event') return eventMediaContext(this.handle, ref.event, who.id)
    if (ref.room !== 'suite') return { mediaRoom: ref.room }
    // an advisory session's parties (with invited family) first; a bare hand-off's otherwise
    const suite = await suiteMediaContext(this.handle, ref.reference)
    if (suite) return suite
    const row = await this.handle.db
      .selectFrom('handoffs')
      .select(['visitor_id', 'taken_by', 'status'])
      .where('reference', '=', ref.reference)
      .executeTakeFirst()
    // an unknown or closed request has no parties: everyone is refused alike, so references cannot be probed
    if (!row || row.status === 'closed') return { mediaRoom: 'suite', takenBy: null }
    return { mediaRoom: 'suite', ownerId: row.visitor_id, takenBy: row.taken_by }
  }

  private async sourcesFor(who: Principal, ref: MediaRoomRef, ctx: PolicyContext): Promise<MediaPublishSource[]> {
    if (ref.room === 'atrium') return ['microphone']
    if (ref.room === 'suite') return [...ALL_SOURCES]
    if (decide(who, 'media.present', ctx).allow) return [...ALL_SOURCES]
    // an event's stage is the record of its speakers, also of one promoted before their voice connection was up
    if (ref.room === 'event')
      return (await isEventSpeaker(this.presence, ref.event, who.id)) ? [...PROMOTED_SOURCES] : []
    return (await this.presence.get(speakerKey(mediaRoomName(ref), who.id))) ? [...PROMOTED_SOURCES] : []
  }

  /** Authorizes a moderation action; then LiveKit must be there. */
  private async moderation(who: Principal, ref: MediaRoomRef) {
    const decision = authorize(who, 'media.moderate', await this.policyContext(ref, who))
    const rooms = this.rooms
    if (!rooms) throw new MediaUnavailable(UNCONFIGURED)
    return { roomName: mediaRoomName(ref), rooms, basis: decision.reason }
  }

  private record(who: Principal, room: string, identity: string, detail: Record<string, unknown>): Promise<void> {
    return this.audit.append({
      actor: who,
      action: 'media.moderated',
      subjectId: identity,
      detail: { room, ...detail },
    })
  }

  /** The settings, once LiveKit has answered recently; MediaUnavailable otherwise. */
  private async reachable(): Promise<MediaSettings> {
    const settings = this.settings
    if (!settings) throw new MediaUnavailable(UNCONFIGURED)
    if (Date.now() - this.reachableAt < REACHABLE_MS) return settings
    try {
      const res = await fetch(settings.apiUrl, { signal: AbortSignal.timeout(1500) })
      await res.body?.cancel()
      if (!res.ok) throw new Error(`status ${res.status}`)
    } catch {
      throw new MediaUnavailable('voice and video are unavailable: the media server does not answer')
    }
    this.reachableAt = Date.now()
    return settings
  }
}

const UNCONFIGURED = 'voice and video are unavailable: no media server is configured'

const removedKey = (room: string, identity: string) => `media:removed:${room}:${identity}`
const speakerKey = (room: string, identity: string) => `media:speaker:${room}:${identity}`

/** A LiveKit API call: "not found" becomes a clear 404, anything else that fails means media is unavailable. */
async function liveCall<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (e) {
    if (e instanceof TwirpError && (e.status === 404 || e.code === 'not_found')) {
      throw new NotFound(`no such ${what} in this media room`)
    }
    console.error('[media]', e)
    throw new MediaUnavailable('voice and video are unavailable: the media server refused or did not answer')
  }
}

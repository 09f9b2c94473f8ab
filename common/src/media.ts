import { z } from 'zod'

import { EventId } from './events/http.ts'
import { HandoffReference } from './host/contract.ts'

/** The kinds of media room: the atrium (voice), an advisory suite, the auditorium. */
export const MEDIA_ROOM_KINDS = ['atrium', 'suite', 'auditorium', 'event'] as const
export type MediaRoomKind = (typeof MEDIA_ROOM_KINDS)[number]

/** What a participant may publish, named as LiveKit names track sources. */
export const MEDIA_SOURCES = ['microphone', 'camera', 'screen_share'] as const
export type MediaPublishSource = (typeof MEDIA_SOURCES)[number]

/** Media tokens expire after this long; clients ask for a fresh one before then. */
export const MEDIA_TOKEN_TTL_SECONDS = 600

/** The highest atrium or auditorium instance number a media room can name. */
export const MAX_MEDIA_INSTANCE = 999

/** A Colyseus branch instance number (1-based, as shown to visitors). */
export const MediaInstance = z.number().int().min(1).max(MAX_MEDIA_INSTANCE)

/** A participant identity: the pseudonymous guest (`g_…`) or account (`u_…`) id. */
export const MediaIdentity = z.string().regex(/^[gu]_[A-Za-z0-9_-]{8,32}$/, 'not a participant identity')

/** A LiveKit track sid (`TR_…`). */
export const TrackSid = z.string().regex(/^TR_[A-Za-z0-9]{1,40}$/, 'not a track sid')

const roomShapes = {
  atrium: { room: z.literal('atrium'), instance: MediaInstance },
  suite: { room: z.literal('suite'), reference: HandoffReference },
  auditorium: { room: z.literal('auditorium'), instance: MediaInstance },
  /** An education event's stage, shared by its main and overflow auditorium instances. */
  event: { room: z.literal('event'), event: EventId },
} as const

/** Names one media room: the atrium or auditorium by instance, a suite by hand-off reference. */
function roomRequest<T extends z.ZodRawShape>(extra: T) {
  return z.discriminatedUnion('room', [
    z.strictObject({ ...roomShapes.atrium, ...extra }),
    z.strictObject({ ...roomShapes.suite, ...extra }),
    z.strictObject({ ...roomShapes.auditorium, ...extra }),
    z.strictObject({ ...roomShapes.event, ...extra }),
  ])
}

/** A media room reference: `{ room: 'atrium' | 'auditorium', instance }` or `{ room: 'suite', reference }`. */
export const MediaRoomRef = roomRequest({})
export type MediaRoomRef = z.infer<typeof MediaRoomRef>

/** POST /api/media/token body: which room to join. */
export const MediaTokenRequest = MediaRoomRef
export type MediaTokenRequest = MediaRoomRef

/** POST /api/media/token response. */
export interface MediaTokenResponse {
  /** WebSocket URL of the LiveKit server. */
  url: string
  /** LiveKit access token for this room only. */
  token: string
  /** When the token expires (ms since epoch); ask for a new one before. */
  expiresAt: number
  /** The participant identity: the caller's pseudonymous id. */
  identity: string
  /** The LiveKit room name, e.g. `atrium-1`, `suite-H-ABCDEFGH`. */
  roomName: string
  /** What the token allows the caller to publish (empty: listen and watch only). */
  canPublish: MediaPublishSource[]
}

/** POST /api/media/moderation/mute body: mutes one published track of a participant. */
export const MediaMuteRequest = roomRequest({ identity: MediaIdentity, trackSid: TrackSid })
export type MediaMuteRequest = z.infer<typeof MediaMuteRequest>

/** POST /api/media/moderation/remove body: removes a participant; tokens issued before cannot rejoin. */
export const MediaRemoveRequest = roomRequest({ identity: MediaIdentity })
export type MediaRemoveRequest = z.infer<typeof MediaRemoveRequest>

/** POST /api/media/moderation/speaker body: promotes an auditorium participant to speaker, or demotes them. */
export const MediaSpeakerRequest = z.discriminatedUnion('room', [
  z.strictObject({ ...roomShapes.auditorium, identity: MediaIdentity, speaker: z.boolean() }),
  z.strictObject({ ...roomShapes.event, identity: MediaIdentity, speaker: z.boolean() }),
])
export type MediaSpeakerRequest = z.infer<typeof MediaSpeakerRequest>

/** Moderation response: what LiveKit now reports for the participant or track. */
export interface MediaModerationResponse {
  ok: true
  roomName: string
  identity: string
  /** For speaker changes: what the participant may now publish. */
  canPublish?: MediaPublishSource[]
}

/** The media part of GET /api/config: where LiveKit is, or null when voice and video are unavailable. */
export interface MediaClientConfig {
  media: { url: string } | null
}

/** The LiveKit room name of a room reference. */
export function mediaRoomName(ref: MediaRoomRef): string {
  if (ref.room === 'suite') return `suite-${ref.reference}`
  if (ref.room === 'event') return `event-${ref.event}`
  return `${ref.room}-${ref.instance}`
}

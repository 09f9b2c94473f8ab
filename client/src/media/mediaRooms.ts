import { mediaRoomName, type MediaPublishSource, type MediaRoomRef, type Role } from '@atrium/common'

/** Which media room of the instance a zone uses: the auditorium has its own, every other zone shares the atrium's. */
export type ZoneRoomKind = 'atrium' | 'auditorium'

/** The media room for a zone: the auditorium has its own, every other zone shares the atrium's. */
export function roomKindForZone(zone: string): ZoneRoomKind {
  return zone === 'auditorium' ? 'auditorium' : 'atrium'
}

/**
 * The room the visitor should be in: an override (suite session, event) wins over the zone's room, so a visitor in a
 * suite stays in its room wherever they walk until the feature that set it clears it.
 */
export function targetRoom(zone: string, instance: number, override: MediaRoomRef | null): MediaRoomRef {
  return override ?? { room: roomKindForZone(zone), instance }
}

/** Whether two references name the same LiveKit room. */
export function sameRoom(a: MediaRoomRef | undefined, b: MediaRoomRef | undefined): boolean {
  return a !== undefined && b !== undefined && mediaRoomName(a) === mediaRoomName(b)
}

/** Meeting mode (suites, auditorium): every voice clear, without distance fall-off; only the atrium is spatial. */
export function isMeeting(ref: MediaRoomRef): boolean {
  return ref.room !== 'atrium'
}

/** LiveKit's protocol TrackSource numbers, as live permission updates carry them. */
const SOURCE_NUMBERS: Record<MediaPublishSource, number> = { camera: 1, microphone: 2, screen_share: 3 }
const ALL: readonly MediaPublishSource[] = ['microphone', 'camera', 'screen_share']

/** The part of LiveKit's ParticipantPermission read here. */
export interface PublishPermission {
  canPublish: boolean
  canPublishSources: readonly number[]
}

/**
 * What the live connection may publish: LiveKit's permission (an empty source list with `canPublish` means every
 * source), or the token's grant before the first permission arrives.
 */
export function publishSources(
  perm: PublishPermission | undefined,
  fromToken: readonly MediaPublishSource[],
): MediaPublishSource[] {
  if (!perm) return [...fromToken]
  if (!perm.canPublish) return []
  if (perm.canPublishSources.length === 0) return [...ALL]
  return ALL.filter((s) => perm.canPublishSources.includes(SOURCE_NUMBERS[s]))
}

/**
 * Whether the server's policy lets `role` moderate the media room `ref` (server/src/policy `media.moderate`), so the UI
 * only offers what the API would accept: oversight roles anywhere, educators in the auditorium, advisors in a suite
 * (the server also checks the advisor took that suite's hand-off; only its parties can be in its room).
 */
export function mayModerate(role: Role | undefined, ref: MediaRoomRef | undefined): boolean {
  if (!role || !ref) return false
  if (role === 'compliance' || role === 'admin') return true
  if (role === 'educator') return ref.room === 'auditorium'
  if (role === 'advisor') return ref.room === 'suite'
  return false
}

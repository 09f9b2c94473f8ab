import { MEDIA_SOURCES, type MediaPublishSource, type MediaRoomRef } from '@atrium/common'

import { publishSources, type PublishPermission } from './mediaRooms.ts'

/** One published track of a remote participant, as the moderation controls show it. */
export interface MediaTrackView {
  sid: string
  source: MediaPublishSource
  muted: boolean
}

/** A remote participant of the current media room (slow state: changes on publish, mute, permission, leave). */
export interface MediaParticipantView {
  identity: string
  tracks: MediaTrackView[]
  /** What they may publish now (auditorium speakers: microphone and camera). */
  canPublish: MediaPublishSource[]
}

/** The parts of a LiveKit RemoteParticipant read here. */
export interface ParticipantLike {
  identity: string
  trackPublications: ReadonlyMap<string, { trackSid: string; source: string; isMuted: boolean }>
  permissions?: PublishPermission | undefined
}

const isSource = (s: string): s is MediaPublishSource => (MEDIA_SOURCES as readonly string[]).includes(s)

/** Snapshot of the remote participants, keyed by identity (pseudonymous id, as in the people list). */
export function participantViews(participants: Iterable<ParticipantLike>): Record<string, MediaParticipantView> {
  const out: Record<string, MediaParticipantView> = {}
  for (const p of participants) {
    const tracks: MediaTrackView[] = []
    for (const pub of p.trackPublications.values()) {
      if (isSource(pub.source)) tracks.push({ sid: pub.trackSid, source: pub.source, muted: pub.isMuted })
    }
    out[p.identity] = { identity: p.identity, tracks, canPublish: publishSources(p.permissions, []) }
  }
  return out
}

/**
 * Who gets a video panel beside their avatar: everyone with a camera published (a muted one shows the placeholder)
 * and, in a suite's small private meeting, every other party, so a missing camera reads as "camera off".
 */
export function panelIdentities(views: Record<string, MediaParticipantView>, ref: MediaRoomRef | undefined): string[] {
  return Object.values(views)
    .filter((v) => ref?.room === 'suite' || v.tracks.some((t) => t.source === 'camera'))
    .map((v) => v.identity)
    .sort()
}

/** Whose screen share the designated screen shows: the first live (unmuted) one, by identity for stability. */
export function screenIdentity(views: Record<string, MediaParticipantView>): string | undefined {
  return Object.values(views)
    .filter((v) => v.tracks.some((t) => t.source === 'screen_share' && !t.muted))
    .map((v) => v.identity)
    .sort()[0]
}

import type { MediaPublishSource } from '@atrium/common'
import { TrackSource, type VideoGrant } from 'livekit-server-sdk'

const SOURCES: Record<MediaPublishSource, TrackSource> = {
  microphone: TrackSource.MICROPHONE,
  camera: TrackSource.CAMERA,
  screen_share: TrackSource.SCREEN_SHARE,
}

/** Everything a suite party or an auditorium presenter may publish. */
export const ALL_SOURCES: readonly MediaPublishSource[] = ['microphone', 'camera', 'screen_share']
/** What an auditorium visitor promoted to speaker may publish. */
export const PROMOTED_SOURCES: readonly MediaPublishSource[] = ['microphone', 'camera']

/** LiveKit track sources for our source names. */
export function trackSources(sources: readonly MediaPublishSource[]): TrackSource[] {
  return sources.map((s) => SOURCES[s])
}

/** Our source names for LiveKit track sources (unknown ones are left out). */
export function sourceNames(sources: readonly TrackSource[]): MediaPublishSource[] {
  return (Object.keys(SOURCES) as MediaPublishSource[]).filter((name) => sources.includes(SOURCES[name]))
}

/**
 * The video grant of a browser token: join one room, subscribe, publish only `sources`. Never roomAdmin (moderation
 * goes through the Atrium API), no data channel (chat goes through the branch room, where it is moderated) and no
 * self-set metadata.
 */
export function browserGrant(room: string, sources: readonly MediaPublishSource[]): VideoGrant {
  return {
    room,
    roomJoin: true,
    canSubscribe: true,
    canPublish: sources.length > 0,
    ...(sources.length > 0 && { canPublishSources: trackSources(sources) }),
    canPublishData: false,
    canUpdateOwnMetadata: false,
  }
}

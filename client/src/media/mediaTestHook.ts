import { Track } from 'livekit-client'

import type { MediaConnection } from './MediaConnection.ts'
import { setMediaRoomOverride } from './mediaRoomOverride.ts'
import type { MediaTestHook, MediaVideoFeedInfo } from './mediaTestHookTypes.ts'
import type { VideoFeed } from './video/RemoteVideos.ts'

/** Whether this page asked for test hooks (`?testhook`) or runs in development. */
function enabled(): boolean {
  return import.meta.env.DEV || new URLSearchParams(location.search).has('testhook')
}

function feedInfo(feeds: ReadonlyMap<string, VideoFeed>): Record<string, MediaVideoFeedInfo> {
  const out: Record<string, MediaVideoFeedInfo> = {}
  for (const [id, f] of feeds) {
    out[id] = {
      shown: f.shown,
      muted: f.publication?.isMuted,
      width: f.element?.videoWidth ?? 0,
      height: f.element?.videoHeight ?? 0,
      currentTime: f.element?.currentTime ?? 0,
      frames: f.frames,
      subscribedAt: f.subscribedAt,
      firstFrameAt: f.firstFrameAt,
      drawnAt: f.drawnAt,
      textureVersion: f.textureVersion,
    }
  }
  return out
}

/**
 * Installs `window.__atriumMedia` (with `?testhook` or in development): the media room, grants and microphone as the
 * browser sees them, and a way to try publishing the microphone directly, for browser tests and the media benchmark.
 * Returns a function that removes it.
 */
export function installMediaTestHook(media: MediaConnection): () => void {
  if (!enabled()) return () => undefined
  const hook: MediaTestHook = {
    get roomName() {
      return media.room ? media.roomName : undefined
    },
    get identity() {
      return media.identity
    },
    get kind() {
      return media.kind
    },
    get canPublish() {
      return media.room?.localParticipant.permissions?.canPublish ?? false
    },
    get micPublished() {
      return media.room?.localParticipant.getTrackPublication(Track.Source.Microphone)?.trackSid
    },
    get micMuted() {
      return media.room?.localParticipant.getTrackPublication(Track.Source.Microphone)?.isMuted
    },
    get joinStartedAt() {
      return media.joinStartedAt
    },
    get joinPhases() {
      return { ...media.joinPhases }
    },
    get connected() {
      return media.room?.state === 'connected'
    },
    remoteMicMuted(identity) {
      const p = media.room?.remoteParticipants.get(identity)
      return p?.getTrackPublication(Track.Source.Microphone)?.isMuted
    },
    async forceMic() {
      const room = media.room
      if (!room) return 'no room'
      try {
        await room.localParticipant.setMicrophoneEnabled(true)
        return 'ok'
      } catch (e) {
        return e instanceof Error ? `${e.name}: ${e.message}` : String(e)
      }
    },
    setRoomOverride(ref) {
      setMediaRoomOverride(ref)
    },
    cameras: () => feedInfo(media.tracks.videos.cameras),
    screens: () => feedInfo(media.tracks.videos.screens),
  }
  window.__atriumMedia = hook
  return () => {
    if (window.__atriumMedia === hook) delete window.__atriumMedia
  }
}

import type { MediaRoomRef } from '@atrium/common'
import type { RemoteParticipant, RemoteTrack, RemoteTrackPublication, Room } from 'livekit-client'

import type { TrackEventSink } from './bindRoomEvents.ts'
import { panelIdentities, participantViews, screenIdentity } from './mediaParticipants.ts'
import type { MediaUiState } from './mediaStore.ts'
import { RemoteVideos } from './video/RemoteVideos.ts'
import type { VoiceMedia } from './VoiceMedia.ts'

/** What RemoteTracks reads from the media connection. */
export interface RemoteTracksHost {
  readonly room: Room | undefined
  readonly ref: MediaRoomRef | undefined
  readonly voice: VoiceMedia | undefined
  readonly meeting: boolean
}

/**
 * The other participants' tracks in the current media room: microphones go to the voices, cameras and screen shares
 * to the video feeds, and a snapshot of who publishes what goes to the store for panels and moderation controls.
 */
export class RemoteTracks implements TrackEventSink {
  readonly videos = new RemoteVideos()

  constructor(
    private readonly host: RemoteTracksHost,
    private readonly set: (partial: Partial<MediaUiState>) => void,
  ) {}

  published(pub: RemoteTrackPublication, p: RemoteParticipant): void {
    this.host.voice?.remote.published(pub, p.identity, this.host.meeting)
    this.videos.published(pub, p.identity)
  }

  unpublished(pub: RemoteTrackPublication, p: RemoteParticipant): void {
    this.host.voice?.remote.unpublished(pub, p.identity)
    this.videos.unpublished(pub, p.identity)
  }

  subscribed(track: RemoteTrack, pub: RemoteTrackPublication, p: RemoteParticipant): void {
    this.host.voice?.remote.subscribed(track, pub, p.identity, this.host.meeting)
    this.videos.subscribed(track, pub, p.identity)
    this.host.voice?.updateBlocked()
  }

  unsubscribed(track: RemoteTrack, p: RemoteParticipant): void {
    this.host.voice?.remote.unsubscribed(track, p.identity)
    this.videos.unsubscribed(track, p.identity)
  }

  participantLeft(p: RemoteParticipant): void {
    this.host.voice?.remote.remove(p.identity)
    this.videos.removeParticipant(p.identity)
  }

  participantsChanged(): void {
    const views = participantViews(this.host.room?.remoteParticipants.values() ?? [])
    this.set({ participants: views, panels: panelIdentities(views, this.host.ref), screen: screenIdentity(views) })
  }

  /** Takes in what is already published in a room just connected. */
  adopt(room: Room): void {
    for (const p of room.remoteParticipants.values()) {
      for (const pub of p.trackPublications.values()) this.published(pub, p)
    }
    this.participantsChanged()
  }

  /** Drops every voice and feed (the room was left or lost). */
  clear(): void {
    this.host.voice?.remote.clear()
    this.videos.clear()
  }
}

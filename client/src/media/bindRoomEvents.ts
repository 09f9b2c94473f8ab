import {
  RoomEvent,
  type DisconnectReason,
  type Participant,
  type RemoteParticipant,
  type RemoteTrack,
  type RemoteTrackPublication,
  type Room,
} from 'livekit-client'

/** What happens with the remote participants' tracks (only while the room is the current one). */
export interface TrackEventSink {
  published(pub: RemoteTrackPublication, p: RemoteParticipant): void
  unpublished(pub: RemoteTrackPublication, p: RemoteParticipant): void
  subscribed(track: RemoteTrack, pub: RemoteTrackPublication, p: RemoteParticipant): void
  unsubscribed(track: RemoteTrack, p: RemoteParticipant): void
  participantLeft(p: RemoteParticipant): void
  /** Something the moderation list shows changed: a participant came, a track was muted, a permission changed. */
  participantsChanged(): void
}

/** What the media connection does with the rest of a room's events. */
export interface RoomEventSink {
  /** The local participant's live permission changed (promotion, demotion). */
  localPermissionsChanged(): void
  /** The visitor's own camera or screen share changed (including a share the browser ended). */
  localVideoChanged(): void
  audioPlaybackChanged(): void
  connectionChanged(state: 'reconnecting' | 'connected'): void
  disconnected(reason: DisconnectReason | undefined): void
}

/** Forwards `room`'s events to the sinks while `current()` says the room is still the one in use. */
export function bindRoomEvents(room: Room, tracks: TrackEventSink, sink: RoomEventSink, current: () => boolean): void {
  const local = (p: Participant) => p === room.localParticipant
  room
    .on(RoomEvent.ParticipantPermissionsChanged, (_prev, p: Participant) => {
      if (!current()) return
      if (local(p)) sink.localPermissionsChanged()
      else tracks.participantsChanged()
    })
    .on(RoomEvent.TrackPublished, (pub, p) => {
      if (!current()) return
      tracks.published(pub, p)
      tracks.participantsChanged()
    })
    .on(RoomEvent.TrackUnpublished, (pub, p) => {
      if (!current()) return
      tracks.unpublished(pub, p)
      tracks.participantsChanged()
    })
    .on(RoomEvent.TrackSubscribed, (track, pub, p) => current() && tracks.subscribed(track, pub, p))
    .on(RoomEvent.TrackUnsubscribed, (track, _pub, p) => current() && tracks.unsubscribed(track, p))
    .on(
      RoomEvent.TrackMuted,
      (_pub, p) => current() && (local(p) ? sink.localVideoChanged() : tracks.participantsChanged()),
    )
    .on(
      RoomEvent.TrackUnmuted,
      (_pub, p) => current() && (local(p) ? sink.localVideoChanged() : tracks.participantsChanged()),
    )
    .on(RoomEvent.LocalTrackPublished, () => current() && sink.localVideoChanged())
    .on(RoomEvent.LocalTrackUnpublished, () => current() && sink.localVideoChanged())
    .on(RoomEvent.ParticipantConnected, () => current() && tracks.participantsChanged())
    .on(RoomEvent.ParticipantDisconnected, (p) => {
      if (!current()) return
      tracks.participantLeft(p)
      tracks.participantsChanged()
    })
    .on(RoomEvent.AudioPlaybackStatusChanged, () => current() && sink.audioPlaybackChanged())
    .on(RoomEvent.Reconnecting, () => current() && sink.connectionChanged('reconnecting'))
    .on(RoomEvent.Reconnected, () => current() && sink.connectionChanged('connected'))
    .on(RoomEvent.Disconnected, (reason) => current() && sink.disconnected(reason))
}

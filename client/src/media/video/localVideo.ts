import type { MediaPublishSource } from '@atrium/common'
import { Track, VideoPresets, type Room } from 'livekit-client'

/** What the visitor's own camera and screen share are doing, as the HUD shows it. */
export interface LocalVideoState {
  cameraEnabled: boolean
  screenSharing: boolean
}

/**
 * Turns the camera or the screen share on or off through LiveKit. Turning the camera off mutes its publication (the
 * device is released; others see the placeholder); a screen share is unpublished when it ends. Throws when the device
 * or the browser's picker refuses.
 */
export async function setLocalVideo(room: Room, source: 'camera' | 'screen_share', on: boolean): Promise<void> {
  const local = room.localParticipant
  // a panel beside an avatar is small: 360p is plenty and keeps the uplink light
  if (source === 'camera') await local.setCameraEnabled(on, { resolution: VideoPresets.h360.resolution })
  else await local.setScreenShareEnabled(on, { audio: false })
}

/** The local camera and screen share as published now (after any change, including the browser ending a share). */
export function localVideoState(room: Room | undefined): LocalVideoState {
  const on = (source: Track.Source) => {
    const pub = room?.localParticipant.getTrackPublication(source)
    return pub !== undefined && !pub.isMuted
  }
  return { cameraEnabled: on(Track.Source.Camera), screenSharing: on(Track.Source.ScreenShare) }
}

/** Unpublishes the camera or screen share when the live permission no longer allows it (a speaker demoted). */
export async function unpublishDisallowedVideo(room: Room, allowed: readonly MediaPublishSource[]): Promise<void> {
  for (const [source, name] of [
    [Track.Source.Camera, 'camera'],
    [Track.Source.ScreenShare, 'screen_share'],
  ] as const) {
    const track = room.localParticipant.getTrackPublication(source)?.track
    if (track && !allowed.includes(name)) await room.localParticipant.unpublishTrack(track)
  }
}

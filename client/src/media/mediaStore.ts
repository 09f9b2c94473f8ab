import type { MediaPublishSource, MediaRoomRef } from '@atrium/common'
import { createStore } from 'zustand/vanilla'

import type { MediaConnection } from './MediaConnection.ts'
import type { MediaParticipantView } from './mediaParticipants.ts'

/**
 * Voice life cycle as shown in the HUD. `off`: not in a branch; `unavailable`: the server has no
 * media server; `failed`: connecting did not work.
 */
export type VoiceState = 'off' | 'connecting' | 'connected' | 'reconnecting' | 'unavailable' | 'failed'

/** Slow voice state for the HUD. Levels and positions stay in the MediaConnection (read per frame). */
export interface MediaUiState {
  state: VoiceState
  micEnabled: boolean
  /** The microphone could not be opened (no device or permission refused): listen only. */
  micError: boolean
  /** The browser blocked audio playback until a user gesture. */
  audioBlocked: boolean
  devices: { deviceId: string; label: string }[]
  deviceId: string | undefined
  /** The LiveKit room joined (`atrium-<n>` or `auditorium-<n>`), once connected. */
  roomName: string | undefined
  /** The room joined (or being joined): the zone's room or the override (suite, event). */
  roomRef: MediaRoomRef | undefined
  /** What this visitor may publish there now (empty: listening only, e.g. the auditorium's audience). */
  canPublish: MediaPublishSource[]
  /** The visitor's camera is published and on. */
  cameraEnabled: boolean
  /** The visitor is sharing their screen. */
  screenSharing: boolean
  /** The last camera or screen share that could not be started (no device, permission refused, cancelled). */
  videoError: 'camera' | 'screen_share' | undefined
  /** The other participants of the media room and their tracks, for the moderation controls. */
  participants: Record<string, MediaParticipantView>
  /** Identities that get a video panel beside their avatar. */
  panels: string[]
  /** Whose screen share the room's designated screen shows. */
  screen: string | undefined
  /** The live connection, for the render loop and the test hook (not for rendering). */
  connection: MediaConnection | undefined
}

export const mediaStore = createStore<MediaUiState>()(() => ({
  state: 'off',
  micEnabled: false,
  micError: false,
  audioBlocked: false,
  devices: [],
  deviceId: undefined,
  roomName: undefined,
  roomRef: undefined,
  canPublish: [],
  cameraEnabled: false,
  screenSharing: false,
  videoError: undefined,
  participants: {},
  panels: [],
  screen: undefined,
  connection: undefined,
}))

/** The per-room part of the state, reset whenever the visitor leaves a media room. */
export const EMPTY_ROOM_STATE = {
  canPublish: [],
  roomName: undefined,
  micEnabled: false,
  cameraEnabled: false,
  screenSharing: false,
  participants: {},
  panels: [],
  screen: undefined,
} satisfies Partial<MediaUiState>

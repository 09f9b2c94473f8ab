import type { MediaPublishSource } from '@atrium/common'
import { createStore } from 'zustand/vanilla'

import type { MediaConnection } from './MediaConnection.ts'

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
  /** What this visitor may publish there now (empty: listening only, e.g. the auditorium's audience). */
  canPublish: MediaPublishSource[]
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
  canPublish: [],
  connection: undefined,
}))

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
  connection: undefined,
}))

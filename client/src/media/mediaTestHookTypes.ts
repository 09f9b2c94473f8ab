/**
 * Shape of `window.__atriumMedia` (see mediaTestHook.ts). Kept free of imports so that browser tests and benchmarks
 * can type their `page.evaluate` callbacks against it.
 */
export interface MediaTestHook {
  /** The LiveKit room joined, e.g. `auditorium-1`; undefined between rooms. */
  readonly roomName: string | undefined
  /** This visitor's participant identity (pseudonymous id). */
  readonly identity: string
  /** The kind of room joined: `atrium`, `auditorium`, or `suite` (an override). */
  readonly kind: string
  /** Whether the live connection may publish anything now. */
  readonly canPublish: boolean
  /** The sid of this visitor's published microphone track, if one is published. */
  readonly micPublished: string | undefined
  readonly micMuted: boolean | undefined
  readonly connected: boolean
  /** When the current room's join began (`performance.now()`): token request, connect, subscriptions. */
  readonly joinStartedAt: number
  /** Milliseconds after `joinStartedAt` when the token arrived and the room connected. */
  readonly joinPhases: { token: number; connect: number }
  /** Whether a remote participant's microphone is muted (undefined: none published). */
  remoteMicMuted(identity: string): boolean | undefined
  /** Tries to publish the microphone directly through LiveKit; 'ok' or the error. */
  forceMic(): Promise<string>
  /** Calls `setMediaRoomOverride` (a suite or event room; null returns to the zone's room). */
  setRoomOverride(ref: { room: 'suite'; reference: string } | null): void
  /** Remote camera feeds by identity, as the panels beside the avatars draw them. */
  cameras(): Record<string, MediaVideoFeedInfo>
  /** Remote screen shares by identity, as the designated screen draws them. */
  screens(): Record<string, MediaVideoFeedInfo>
}

/** A remote video feed as the renderer sees it. */
export interface MediaVideoFeedInfo {
  /** What its panel or screen quad drew last frame: nothing, the video texture, or the "camera off" card. */
  shown: 'none' | 'video' | 'placeholder'
  muted: boolean | undefined
  width: number
  height: number
  /** The element's playback position (seconds): it grows while frames arrive. */
  currentTime: number
  /** Frames presented by the element (`requestVideoFrameCallback`). */
  frames: number
  /**
   * `performance.now()` when the track was subscribed, when the element presented its first frame, and when the
   * renderer first drew a frame of it in the branch (NaN until then).
   */
  subscribedAt: number
  firstFrameAt: number
  drawnAt: number
  /** The VideoTexture's version: it grows with every frame uploaded. */
  textureVersion: number
}

declare global {
  interface Window {
    __atriumMedia?: MediaTestHook
  }
}

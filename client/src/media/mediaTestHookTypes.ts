/**
 * Shape of `window.__atriumMedia` (see mediaTestHook.ts). Kept free of imports so that browser tests and benchmarks
 * can type their `page.evaluate` callbacks against it.
 */
export interface MediaTestHook {
  /** The LiveKit room joined, e.g. `auditorium-1`; undefined between rooms. */
  readonly roomName: string | undefined
  /** This visitor's participant identity (pseudonymous id). */
  readonly identity: string
  /** The room kind the visitor's zone asks for: `atrium` or `auditorium`. */
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
}

declare global {
  interface Window {
    __atriumMedia?: MediaTestHook
  }
}

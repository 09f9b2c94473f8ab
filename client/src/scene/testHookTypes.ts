/**
 * Shape of `window.__atrium`, the read-only test hook (see testHook.ts). Kept free of imports so
 * that browser tests and benchmarks can type their `page.evaluate` callbacks against it.
 */
export interface AtriumTestHook {
  ready: boolean
  /** Frames rendered so far (XR frames too), so tests can wait for the scene to catch up. */
  frames(): number
  self(): { x: number; y: number; z: number; yaw: number }
  remotes(): { id: string; name: string; x: number; y: number; z: number }[]
  render(): { calls: number; triangles: number; programs: number; frameMs: number[] }
  xrStore: { getState(): { session?: unknown; mode: string | null } }
  /** Voice (client/src/media): state, own microphone, and each remote voice by participant identity. */
  readonly media: {
    state: string
    micEnabled: boolean
    remote: Record<string, { subscribed: boolean; level: number; pannerPosition: [number, number, number] }>
  }
  /** The digital host's voice (client/src/host/hostVoice.ts). */
  host: {
    /** mode: idle | pending (waiting for speechSynthesis) | speech | timeline (lips without audio). */
    state(): {
      speaking: boolean
      viseme: string
      mode: string
      muted: boolean
      utterances: number
      lang: string | null
    }
    /** Says a line as the chat panel would (the lips move even where no voice exists). */
    speak(text: string, lang: 'zh-CN' | 'en'): void
  }
}

declare global {
  interface Window {
    __atrium?: AtriumTestHook
  }
}

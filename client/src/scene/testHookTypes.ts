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
}

declare global {
  interface Window {
    __atrium?: AtriumTestHook
  }
}

/**
 * Shape of `window.__atriumHall` (see HallTestHook.tsx), for browser tests. Kept free of imports so
 * `page.evaluate` callbacks in Node can be typed against it.
 */
export interface HallTestHook {
  /** The planner store's allocation, whole percent by asset class id. */
  allocation(): Record<string, number>
  /** Index of the column with keyboard focus. */
  selected(): number
  /** Asset class ids in column order. */
  classes(): string[]
  /** Where column `i`'s top front edge is on the page (CSS pixels), and whether it is in front of the camera. */
  columnScreenPoint(i: number): { x: number; y: number; visible: boolean }
  /** Column `i`'s top centre in world space. */
  columnWorldTop(i: number): { x: number; y: number; z: number }
  /** Where a board button (`run`, `stress:0`…) is on the page (CSS pixels). */
  boardButtonScreenPoint(id: string): { x: number; y: number; visible: boolean }
  /** Centre of a board button (`run`, `stress:0`…) in world space, a few centimetres in front of the board. */
  boardButtonWorld(id: string): { x: number; y: number; z: number }
  /**
   * The fan surface, when a projection has drawn it: vertices, percentile rows and the bands between them, line
   * vertices, and the replay strength its shader material is given.
   */
  fan(): { vertices: number; rows: number; bands: number; columns: number; lines: number; shaderAmount: number } | null
  /** The stress replay as the shaders see it. */
  replay(): { active: boolean; amount: number; front: number; depth: number; scenario: number | null; playing: boolean }
  /** The planner store's run status. */
  runStatus(): string
}

declare global {
  interface Window {
    __atriumHall?: HallTestHook
  }
}

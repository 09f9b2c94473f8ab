import type { MediaRoomRef } from '@atrium/common'

import { SCREEN, SUITE_ROOMS, WALL } from '../../components/environment/layout.ts'

/** A flat screen in the world: centre, turn about y (0 faces +z) and size in metres. */
export interface ScreenPlacement {
  x: number
  y: number
  z: number
  yaw: number
  width: number
  height: number
}

/** A screen share is drawn this far in front of the screen surface, covering whatever is drawn on the screen. */
export const SHARE_OFFSET = 0.015
/** The lit surface of a suite display lies this far in front of the wall (furniture.ts `addScreen`). */
const SUITE_SURFACE = 0.051
/** Suite displays: centre height and size, as buildSuites.ts furnishes each meeting room. */
const SUITE_DISPLAY = { y: 1.55, width: 1.6, height: 0.9 } as const

/** Camera panels: width, and where they float relative to the head (to the viewer's right, slightly above). */
export const PANEL = { width: 0.48, side: 0.5, up: 0.12 } as const

/** The auditorium stage screen, with the share quad just in front of it. */
export function auditoriumScreen(): ScreenPlacement {
  return { x: SCREEN.x, y: SCREEN.y, z: SCREEN.z + SHARE_OFFSET, yaw: 0, width: SCREEN.width, height: SCREEN.height }
}

/** The display on the back wall of suite meeting room `i` (north rooms face +z, south rooms −z). */
export function suiteScreen(i: number): ScreenPlacement | undefined {
  const room = SUITE_ROOMS[i]
  if (!room) return undefined
  const north = room.maxZ < 0
  const wallZ = north ? room.minZ + WALL.thickness / 2 : room.maxZ - WALL.thickness / 2
  const d = SUITE_SURFACE + SHARE_OFFSET
  return {
    x: (room.minX + room.maxX) / 2,
    y: SUITE_DISPLAY.y,
    z: north ? wallZ + d : wallZ - d,
    yaw: north ? 0 : Math.PI,
    width: SUITE_DISPLAY.width,
    height: SUITE_DISPLAY.height,
  }
}

/** The suite meeting room the point (x, z) is in, else the nearest one (by distance to its centre). */
export function suiteRoomAt(x: number, z: number): number {
  let best = 0
  let bestD = Infinity
  SUITE_ROOMS.forEach((r, i) => {
    const inside = x >= r.minX && x <= r.maxX && z >= r.minZ && z <= r.maxZ
    const d = inside ? -1 : Math.hypot(x - (r.minX + r.maxX) / 2, z - (r.minZ + r.maxZ) / 2)
    if (d < bestD) {
      bestD = d
      best = i
    }
  })
  return best
}

/**
 * Where a screen share in media room `ref` is shown, for a viewer standing at (x, z): the stage screen in the
 * auditorium, the wall display of the viewer's suite room in a suite session; nowhere in the atrium (no sharing).
 */
export function shareScreenFor(ref: MediaRoomRef | undefined, x: number, z: number): ScreenPlacement | undefined {
  if (ref?.room === 'auditorium') return auditoriumScreen()
  if (ref?.room === 'suite') return suiteScreen(suiteRoomAt(x, z))
  return undefined
}

/** The largest size with the video's aspect ratio (width / height) that fits a `width` × `height` screen. */
export function fitAspect(width: number, height: number, aspect: number): [number, number] {
  if (!(aspect > 0) || !Number.isFinite(aspect)) return [width, height]
  return aspect >= width / height ? [width, width / aspect] : [height * aspect, height]
}

/**
 * Where a camera panel floats: beside the head at (hx, hy, hz), to the right as the viewer at (vx, vz) sees it, so it
 * never hides the face. Writes [x, y, z] into `out`.
 */
export function panelPosition(hx: number, hy: number, hz: number, vx: number, vz: number, out: number[]): void {
  const dx = hx - vx
  const dz = hz - vz
  const len = Math.hypot(dx, dz)
  // the viewer's right, looking at the head, is (−dz, dx) normalised; on top of each other, use +x
  const rx = len > 1e-6 ? -dz / len : 1
  const rz = len > 1e-6 ? dx / len : 0
  out[0] = hx + rx * PANEL.side
  out[1] = hy + PANEL.up
  out[2] = hz + rz * PANEL.side
}

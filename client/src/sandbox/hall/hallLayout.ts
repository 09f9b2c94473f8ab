/**
 * Where the sandbox hall's pieces sit, in the frame of the hall group: origin on the table top's centre, +x to
 * the visitor's right and +z towards the visitor as they come in from the atrium (the group is turned to face
 * the hall's entrance), y up. Shared by the meshes, the pointer and controller drags, and the test hook.
 */
import { SANDBOX_TABLE } from '../../components/environment/layout.ts'

/** The hall group's world placement: on the table top, turned so that local +z faces the entrance (+x world). */
export const HALL_ORIGIN = { x: SANDBOX_TABLE.x, y: SANDBOX_TABLE.height, z: SANDBOX_TABLE.z, yaw: Math.PI / 2 }

/** One column per asset class, in a row across the front half of the table. */
export const COLUMNS = {
  /** Centre-to-centre distance along x. */
  spacing: 0.44,
  width: 0.3,
  z: 0.7,
  /** Height of a column at 100%; 0% still shows a sliver so it can be grabbed. */
  maxHeight: 1.4,
  minHeight: 0.02,
} as const

/** The label strip in front of the columns, its top leaning back by `tilt` radians to face a standing visitor. */
export const LABELS = { z: 1.1, y: 0.07, tilt: 1.0, width: 0.42, height: 0.1575 } as const

/** The fan stands behind the columns: years along x, wealth up y from `y0`. */
export const FAN = { x0: -2.1, x1: 0.95, y0: 0.45, height: 1.6, z: -1.0 } as const

/** The board with the key figures and the buttons, to the right of the fan, turned towards the entrance. */
export const BOARD = { x: 1.75, y: 0.8, z: -0.45, yaw: -0.35, width: 1.4, height: 0.875 } as const

/** Centre x of column `i` of `n`. */
export function columnX(i: number, n: number): number {
  return (i - (n - 1) / 2) * COLUMNS.spacing
}

/** Local x of a month on the fan. */
export function fanX(month: number, horizonMonths: number): number {
  return FAN.x0 + (horizonMonths > 0 ? month / horizonMonths : 0) * (FAN.x1 - FAN.x0)
}

/** One colour per asset class (assumptions order): cool for cash and bonds, warm for equities, gold, REITs. */
export const COLUMN_COLORS = ['#9fc7e8', '#5b8fd6', '#4f6fb8', '#57b8a8', '#e0734f', '#d9a13c', '#e8c95a', '#b07ad0']

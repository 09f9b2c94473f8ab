/**
 * One canvas texture holds every text of the table: the eight column labels, the goal marker and the board with
 * its buttons, so they draw in one call. This file says where each sits in the canvas (pixels, y down), builds
 * the quads that show them in the hall frame, and finds the button under a pointer's texture coordinate.
 */
import { DEFAULT_STRESS_SCENARIOS } from '@atrium/common'

import { BOARD, columnX, FAN, LABELS } from './hallLayout.ts'

/** Width and height of the atlas canvas in pixels. */
export const ATLAS_SIZE = 1024
/** A column label cell; four per row. */
export const LABEL_CELL = { w: 256, h: 96 } as const
/** The goal marker: a diamond and its probability. */
export const GOAL_CELL = { x: 0, y: 192, w: 512, h: 96 } as const
/** The board with the key figures and the buttons. */
export const BOARD_CELL = { x: 0, y: 320, w: 1024, h: 640 } as const
/** Where the goal's diamond is drawn in its cell, so the quad can put it on the goal point. */
export const GOAL_MARK_X = 48

/** Board buttons (board-relative pixels): the run button, then one per stress scenario. */
export const BUTTONS: readonly { id: string; x: number; y: number; w: number; h: number }[] = [
  { id: 'run', x: 24, y: 540, w: 320, h: 80 },
  ...DEFAULT_STRESS_SCENARIOS.map((_, i) => ({ id: `stress:${i}`, x: 360 + i * 162, y: 540, w: 150, h: 80 })),
]

/** Canvas rectangle of column label `i`. */
export function labelCell(i: number) {
  return { x: (i % 4) * LABEL_CELL.w, y: Math.floor(i / 4) * LABEL_CELL.h, w: LABEL_CELL.w, h: LABEL_CELL.h }
}

/** The button under texture coordinate (u, v) of the atlas (v down, as the texture is not flipped). */
export function buttonAt(u: number, v: number): string | undefined {
  const x = u * ATLAS_SIZE - BOARD_CELL.x
  const y = v * ATLAS_SIZE - BOARD_CELL.y
  return BUTTONS.find((b) => x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h)?.id
}

/** Quads of the atlas mesh: 4 vertices (x, y, z), their uvs and 6 indices each. */
export interface AtlasQuads {
  positions: Float32Array
  uvs: Float32Array
  index: Uint16Array
}

type Cell = { x: number; y: number; w: number; h: number }
type Place = { cx: number; cy: number; cz: number; w: number; h: number; tilt?: number; yaw?: number }

/**
 * The quads for `columns` labels, the goal marker at fan-relative (gx, gy) or hidden, and the board.
 * Labels tilt back to face a standing visitor; the board turns towards the entrance.
 */
export function buildAtlasQuads(columns: number, goal: { x: number; y: number } | undefined): AtlasQuads {
  const quads: [Cell, Place][] = []
  for (let i = 0; i < columns; i++) {
    quads.push([
      labelCell(i),
      { cx: columnX(i, columns), cy: LABELS.y, cz: LABELS.z, w: LABELS.width, h: LABELS.height, tilt: LABELS.tilt },
    ])
  }
  const goalW = 0.8
  const goalH = goalW * (GOAL_CELL.h / GOAL_CELL.w)
  const mark = (GOAL_MARK_X / GOAL_CELL.w) * goalW
  quads.push([
    GOAL_CELL,
    goal
      ? { cx: goal.x - mark + goalW / 2, cy: FAN.y0 + goal.y, cz: FAN.z + 0.01, w: goalW, h: goalH }
      : { cx: 0, cy: 0, cz: 0, w: 0, h: 0 },
  ])
  quads.push([BOARD_CELL, { cx: BOARD.x, cy: BOARD.y, cz: BOARD.z, w: BOARD.width, h: BOARD.height, yaw: BOARD.yaw }])
  const positions = new Float32Array(quads.length * 12)
  const uvs = new Float32Array(quads.length * 8)
  const index = new Uint16Array(quads.length * 6)
  quads.forEach(([cell, p], q) => {
    const corners = [
      [-0.5, 0.5, cell.x, cell.y],
      [0.5, 0.5, cell.x + cell.w, cell.y],
      [0.5, -0.5, cell.x + cell.w, cell.y + cell.h],
      [-0.5, -0.5, cell.x, cell.y + cell.h],
    ] as const
    corners.forEach(([sx, sy, px, py], c) => {
      const x = sx * p.w
      const y = sy * p.h
      // lean the top back by `tilt` about x (labels), then turn by `yaw` about y (board)
      const ty = y * Math.cos(p.tilt ?? 0)
      const tz = -y * Math.sin(p.tilt ?? 0)
      const yaw = p.yaw ?? 0
      const v = q * 4 + c
      positions.set(
        [p.cx + x * Math.cos(yaw) + tz * Math.sin(yaw), p.cy + ty, p.cz - x * Math.sin(yaw) + tz * Math.cos(yaw)],
        v * 3,
      )
      uvs.set([px / ATLAS_SIZE, py / ATLAS_SIZE], v * 2)
    })
    index.set([q * 4, q * 4 + 3, q * 4 + 2, q * 4, q * 4 + 2, q * 4 + 1], q * 6)
  })
  return { positions, uvs, index }
}

/**
 * The board button a hand at (x, y, z) in the hall frame is touching: within `reach` metres of the board's face
 * and over a button. Lets VR visitors press the board's buttons with the grip, as no ray pointer is enabled.
 */
export function boardButtonAt(x: number, y: number, z: number, reach = 0.1): string | undefined {
  const dx = x - BOARD.x
  const dz = z - BOARD.z
  const c = Math.cos(BOARD.yaw)
  const s = Math.sin(BOARD.yaw)
  // into the board's own frame: undo its turn about y
  const bx = dx * c - dz * s
  const bz = dx * s + dz * c
  if (Math.abs(bz) > reach || Math.abs(bx) > BOARD.width / 2 || Math.abs(y - BOARD.y) > BOARD.height / 2)
    return undefined
  const u = (BOARD_CELL.x + (bx / BOARD.width + 0.5) * BOARD_CELL.w) / ATLAS_SIZE
  const v = (BOARD_CELL.y + (0.5 - (y - BOARD.y) / BOARD.height) * BOARD_CELL.h) / ATLAS_SIZE
  return buttonAt(u, v)
}

/** Centre of board button `id` in the hall frame, `out` metres in front of the board's face. */
export function boardButtonPoint(id: string, out = 0): [number, number, number] | undefined {
  const b = BUTTONS.find((x) => x.id === id)
  if (!b) return undefined
  const bx = ((b.x + b.w / 2) / BOARD_CELL.w - 0.5) * BOARD.width
  const y = BOARD.y + (0.5 - (b.y + b.h / 2) / BOARD_CELL.h) * BOARD.height
  const c = Math.cos(BOARD.yaw)
  const s = Math.sin(BOARD.yaw)
  return [BOARD.x + bx * c + out * s, y, BOARD.z - bx * s + out * c]
}

import { describe, expect, it } from 'vitest'

import {
  ATLAS_SIZE,
  BOARD_CELL,
  boardButtonAt,
  boardButtonPoint,
  buildAtlasQuads,
  BUTTONS,
  buttonAt,
  GOAL_CELL,
  labelCell,
} from './hallAtlasLayout.ts'
import { BOARD } from './hallLayout.ts'

/** Hall-frame point at board pixel (px, py), `out` metres in front of its face. */
function onBoard(px: number, py: number, out = 0) {
  const bx = (px / BOARD_CELL.w - 0.5) * BOARD.width
  const y = BOARD.y + (0.5 - py / BOARD_CELL.h) * BOARD.height
  const c = Math.cos(BOARD.yaw)
  const s = Math.sin(BOARD.yaw)
  return [BOARD.x + bx * c + out * s, y, BOARD.z - bx * s + out * c] as const
}

describe('hall atlas layout', () => {
  it('keeps every cell inside the canvas and apart', () => {
    const cells = [...Array.from({ length: 8 }, (_, i) => labelCell(i)), GOAL_CELL, BOARD_CELL]
    for (const c of cells) {
      expect(c.x + c.w).toBeLessThanOrEqual(ATLAS_SIZE)
      expect(c.y + c.h).toBeLessThanOrEqual(ATLAS_SIZE)
    }
    for (const [i, a] of cells.entries()) {
      for (const b of cells.slice(i + 1)) {
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y
        expect(apart).toBe(true)
      }
    }
    for (const b of BUTTONS) expect(b.x + b.w).toBeLessThanOrEqual(BOARD_CELL.w)
  })

  it('builds one quad per label, the goal and the board', () => {
    const q = buildAtlasQuads(8, { x: 0.2, y: 0.5 })
    expect(q.positions).toHaveLength(10 * 4 * 3)
    expect(q.uvs).toHaveLength(10 * 4 * 2)
    expect(Math.max(...q.index)).toBe(39)
    // the goal quad collapses when there is no goal
    const hidden = buildAtlasQuads(8, undefined)
    expect(hidden.positions.slice(8 * 12, 9 * 12).every((v) => v === 0)).toBe(true)
  })

  it('finds the button under a texture coordinate', () => {
    const at = (b: (typeof BUTTONS)[number]) =>
      buttonAt((BOARD_CELL.x + b.x + b.w / 2) / ATLAS_SIZE, (BOARD_CELL.y + b.y + b.h / 2) / ATLAS_SIZE)
    expect(BUTTONS.map(at)).toEqual(['run', 'stress:0', 'stress:1', 'stress:2', 'stress:3'])
    expect(buttonAt(0.5, (BOARD_CELL.y + 100) / ATLAS_SIZE)).toBeUndefined()
  })

  it('finds the button a hand touches on the board in the hall frame', () => {
    const run = BUTTONS[0]!
    expect(boardButtonAt(...onBoard(run.x + 20, run.y + 20, 0.05))).toBe('run')
    const last = BUTTONS.at(-1)!
    expect(boardButtonAt(...onBoard(last.x + last.w / 2, last.y + last.h / 2, -0.05))).toBe('stress:3')
    expect(boardButtonAt(...onBoard(run.x + 20, run.y + 20, 0.3))).toBeUndefined()
    expect(boardButtonAt(...onBoard(500, 100))).toBeUndefined()
    for (const b of BUTTONS) expect(boardButtonAt(...boardButtonPoint(b.id, 0.04)!)).toBe(b.id)
    expect(boardButtonPoint('nothing')).toBeUndefined()
  })
})

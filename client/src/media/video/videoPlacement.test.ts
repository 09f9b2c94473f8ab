import { describe, expect, it } from 'vitest'

import { SCREEN, SUITE_ROOMS } from '../../components/environment/layout.ts'
import {
  auditoriumScreen,
  fitAspect,
  PANEL,
  panelPosition,
  SHARE_OFFSET,
  shareScreenFor,
  suiteRoomAt,
  suiteScreen,
} from './videoPlacement.ts'

describe('screen placement', () => {
  it('puts the auditorium share just in front of the stage screen, the same size', () => {
    const s = auditoriumScreen()
    expect(s.z - SCREEN.z).toBeCloseTo(SHARE_OFFSET)
    expect(SHARE_OFFSET).toBeGreaterThanOrEqual(0.01)
    expect(SHARE_OFFSET).toBeLessThanOrEqual(0.02)
    expect([s.x, s.y, s.width, s.height, s.yaw]).toEqual([SCREEN.x, SCREEN.y, SCREEN.width, SCREEN.height, 0])
  })

  it('puts a suite share on the back wall of that room, facing into the room', () => {
    const north = suiteScreen(0)!
    const room0 = SUITE_ROOMS[0]
    expect(north.yaw).toBe(0)
    expect(north.z).toBeGreaterThan(room0.minZ)
    expect(north.z - room0.minZ).toBeLessThan(0.2)
    const south = suiteScreen(2)!
    const room2 = SUITE_ROOMS[2]
    expect(south.yaw).toBeCloseTo(Math.PI)
    expect(south.z).toBeLessThan(room2.maxZ)
    expect(room2.maxZ - south.z).toBeLessThan(0.2)
    expect(suiteScreen(SUITE_ROOMS.length)).toBeUndefined()
  })

  it('chooses the viewer’s suite room, else the nearest', () => {
    SUITE_ROOMS.forEach((r, i) => expect(suiteRoomAt((r.minX + r.maxX) / 2, (r.minZ + r.maxZ) / 2)).toBe(i))
    const r3 = SUITE_ROOMS[3]
    expect(suiteRoomAt(r3.maxX + 5, r3.maxZ + 5)).toBe(3)
  })

  it('shows shares in the auditorium and suites only', () => {
    expect(shareScreenFor({ room: 'atrium', instance: 1 }, 0, 0)).toBeUndefined()
    expect(shareScreenFor(undefined, 0, 0)).toBeUndefined()
    expect(shareScreenFor({ room: 'auditorium', instance: 1 }, 0, 0)).toEqual(auditoriumScreen())
    const r1 = SUITE_ROOMS[1]
    const at = shareScreenFor({ room: 'suite', reference: 'H-ABCDEFGH' }, r1.minX + 1, r1.minZ + 1)
    expect(at).toEqual(suiteScreen(1))
  })
})

describe('fitAspect', () => {
  it('letterboxes wide video and pillarboxes tall video inside the screen', () => {
    const [w0, h0] = fitAspect(1.6, 0.9, 16 / 9)
    expect(w0).toBeCloseTo(1.6)
    expect(h0).toBeCloseTo(0.9)
    const [w, h] = fitAspect(1.6, 0.9, 4 / 3)
    expect(h).toBeCloseTo(0.9)
    expect(w).toBeCloseTo(1.2)
    const [w2, h2] = fitAspect(1.6, 0.9, 3)
    expect(w2).toBeCloseTo(1.6)
    expect(h2).toBeCloseTo(1.6 / 3)
    expect(fitAspect(2, 1, NaN)).toEqual([2, 1])
    expect(fitAspect(2, 1, 0)).toEqual([2, 1])
  })
})

describe('panelPosition', () => {
  it('floats beside the head, to the viewer’s right, a little above', () => {
    const out = [0, 0, 0]
    // viewer at z = 5 looking towards -z: right is +x
    panelPosition(0, 1.6, 0, 0, 5, out)
    expect(out[0]).toBeCloseTo(PANEL.side)
    expect(out[1]).toBeCloseTo(1.6 + PANEL.up)
    expect(out[2]).toBeCloseTo(0)
    // viewer at x = -5 looking towards +x: right is +z
    panelPosition(0, 1.6, 0, -5, 0, out)
    expect(out[0]).toBeCloseTo(0)
    expect(out[2]).toBeCloseTo(PANEL.side)
    // viewer on the same spot: a fixed side, never NaN
    panelPosition(1, 1.6, 1, 1, 1, out)
    expect(out).toEqual([1 + PANEL.side, 1.6 + PANEL.up, 1])
  })
})

import { describe, expect, it } from 'vitest'

import { GuestRequest } from '../src/api.ts'
import { ChatMsg, cleanText, PoseMsg, TeleportMsg, TravelMsg } from '../src/messages.ts'
import { isOnFloor, zoneAt, ZONE_IDS, ZONES } from '../src/zones.ts'

const p = [0, 1.6, 0, 0, 0, 0, 1]

describe('message validators', () => {
  it('accepts a well-formed pose', () => {
    expect(PoseMsg.safeParse({ h: p, l: p, r: p }).success).toBe(true)
  })

  it.each([
    ['NaN', { h: [NaN, 1, 1, 0, 0, 0, 1], l: p, r: p }],
    ['Infinity', { h: p, l: [Infinity, 1, 1, 0, 0, 0, 1], r: p }],
    ['string', { h: p, l: p, r: ['1', 1, 1, 0, 0, 0, 1] }],
    ['short tuple', { h: [1, 2, 3], l: p, r: p }],
    ['extra field', { h: p, l: p, r: p, admin: true }],
    ['missing hand', { h: p, l: p }],
    ['huge coordinate', { h: [1e9, 1, 1, 0, 0, 0, 1], l: p, r: p }],
    ['not an object', 'pose'],
    ['null', null],
  ])('rejects a pose with %s', (_, msg) => {
    expect(PoseMsg.safeParse(msg).success).toBe(false)
  })

  it('cleans chat to plain text and bounds its length', () => {
    expect(ChatMsg.parse({ text: '  hi\u202e there\n\tyou ' }).text).toBe('hi there you')
    expect(ChatMsg.safeParse({ text: '   ' }).success).toBe(false)
    expect(ChatMsg.safeParse({ text: 'x'.repeat(501) }).success).toBe(false)
    expect(ChatMsg.safeParse({ text: 'x'.repeat(500) }).success).toBe(true)
    expect(ChatMsg.safeParse({ text: 5 }).success).toBe(false)
    expect(cleanText('<b>bold</b>')).toBe('<b>bold</b>')
  })

  it('validates teleport targets and zones', () => {
    expect(TeleportMsg.safeParse({ x: 1, z: 2 }).success).toBe(true)
    expect(TeleportMsg.safeParse({ x: 1 }).success).toBe(false)
    expect(TravelMsg.safeParse({ zone: 'vault' }).success).toBe(false)
    expect(TravelMsg.safeParse({ zone: 'auditorium' }).success).toBe(true)
  })

  it('validates the guest request', () => {
    const ok = { name: '小明 Lee', look: { color: 2, shape: 1 }, lang: 'zh-CN' }
    expect(GuestRequest.safeParse(ok).success).toBe(true)
    expect(GuestRequest.safeParse({ ...ok, name: '' }).success).toBe(false)
    expect(GuestRequest.safeParse({ ...ok, name: 'x'.repeat(33) }).success).toBe(false)
    expect(GuestRequest.safeParse({ ...ok, lang: 'fr' }).success).toBe(false)
    expect(GuestRequest.safeParse({ ...ok, look: { color: 9, shape: 0 } }).success).toBe(false)
    expect(GuestRequest.safeParse({ ...ok, role: 'admin' }).success).toBe(false)
  })
})

describe('zones', () => {
  it('puts every spawn and entrance on the floor of its zone', () => {
    for (const id of ZONE_IDS) {
      const z = ZONES[id]
      expect(zoneAt(z.spawn.x, z.spawn.z)).toBe(id)
      for (const e of z.entrances) expect(isOnFloor(e.x, e.z)).toBe(true)
    }
  })

  it('rejects points outside the branch', () => {
    expect(isOnFloor(0, 50)).toBe(false)
    expect(zoneAt(40, 0)).toBeUndefined()
  })
})

describe('walking', () => {
  it('slides along walls and passes through doorways', async () => {
    const { constrainStep, isWalkable } = await import('../src/zones.ts')
    // blocked by the east wall away from the door: slide along it
    expect(constrainStep(11.5, 5, 12.5, 5.5)).toEqual([11.5, 5.5])
    // through the suites door at (12, -3)
    expect(constrainStep(11.9, -3, 12.1, -3)).toEqual([12.1, -3])
    expect(isWalkable(12, -3)).toBe(true)
    // not into the reception desk
    expect(isWalkable(0, -5)).toBe(false)
    expect(isWalkable(0, 7)).toBe(true)
  })
})

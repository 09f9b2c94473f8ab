import { createPose, decodePose, POSE_FRAME_TYPE, readFrame, type RoomErrorMsg } from '@atrium/common'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { joinBranch, poseAt, sleep, startServer, type TestServer } from './helpers.ts'

let t: TestServer

beforeAll(async () => {
  t = await startServer()
})
afterAll(async () => {
  await t.server.close()
})

/** Collects decoded head positions per slot from a room's pose stream. */
function watchPoses(room: { onMessage: (type: number, cb: (b: Uint8Array) => void) => unknown }) {
  const heads = new Map<number, [number, number, number]>()
  const pose = createPose()
  room.onMessage(POSE_FRAME_TYPE, (bytes: Uint8Array) => {
    readFrame(bytes, (slot, off) => {
      decodePose(bytes, off, pose)
      heads.set(slot, [...pose.head.p])
    })
  })
  return heads
}

describe('BranchRoom', () => {
  it('joins with a guest token and shows only pseudonymous data', async () => {
    const a = await joinBranch(t, 'Alice')
    await vi.waitFor(() => expect(a.room.state.avatars?.get(a.room.sessionId)).toBeDefined())
    const me = a.room.state.avatars.get(a.room.sessionId)!
    expect(me.id).toBe(a.id)
    expect(me.id).toMatch(/^g_/)
    expect(me.name).toBe('Alice')
    expect(a.room.state.instance).toBeGreaterThanOrEqual(1)
    await a.room.leave()
  })

  it('rejects a join without a valid token', async () => {
    const { Client } = await import('colyseus.js')
    const c = new Client(`ws://127.0.0.1:${t.port}`)
    await expect(c.joinOrCreate('branch')).rejects.toThrow(/token/)
    c.auth.token = 'not-a-jwt'
    await expect(c.joinOrCreate('branch')).rejects.toThrow(/invalid/)
  })

  it('shows a move to a second client through the pose stream', async () => {
    const a = await joinBranch(t, 'Mover')
    const b = await joinBranch(t, 'Watcher')
    expect(b.room.roomId).toBe(a.room.roomId)
    const heads = watchPoses(b.room)
    await vi.waitFor(() => expect(b.room.state.avatars.get(a.room.sessionId)).toBeDefined())
    const slot = b.room.state.avatars.get(a.room.sessionId)!.slot
    // walk north in small, plausible steps
    for (let i = 1; i <= 10; i++) {
      a.room.send('pose', poseAt(0, 7 - i * 0.1))
      await sleep(55)
    }
    await vi.waitFor(() => {
      const h = heads.get(slot)
      expect(h?.[2]).toBeCloseTo(6, 2)
      expect(h?.[1]).toBeCloseTo(1.6, 2)
    })
    await a.room.leave()
    await b.room.leave()
  })

  it('rejects malformed, oversized, unknown and too-fast messages without harming the room', async () => {
    const bad = await joinBranch(t, 'Mallory')
    const good = await joinBranch(t, 'Grace')
    const errors: RoomErrorMsg[] = []
    bad.room.onMessage('error', (e: RoomErrorMsg) => errors.push(e))
    const corrections: unknown[] = []
    bad.room.onMessage('correction', (c: unknown) => corrections.push(c))

    bad.room.send('pose', { h: [NaN, 1, 1, 0, 0, 0, 1], l: [], r: 'x' })
    bad.room.send('chat', { text: 'x'.repeat(600) })
    bad.room.send('teleport', { x: 500, z: 0 })
    bad.room.send('nonsense', { a: 1 })
    bad.room.send('pose', poseAt(0, -9)) // 16 m in one step
    await vi.waitFor(() =>
      expect(errors.map((e) => e.code)).toEqual(
        expect.arrayContaining(['invalid_message', 'unknown_message', 'implausible_move']),
      ),
    )
    expect(corrections.length).toBe(1)

    // a burst above 30 poses per second is rate limited
    errors.length = 0
    await sleep(1000) // let the error-reply budget refill
    for (let i = 0; i < 40; i++) bad.room.send('pose', poseAt(0, 7))
    await vi.waitFor(() => expect(errors.some((e) => e.code === 'rate_limited')).toBe(true))

    // the room still serves the well-behaved client
    const heard: string[] = []
    good.room.onMessage('chat', (l: { text: string }) => heard.push(l.text))
    good.room.send('chat', { text: 'still here' })
    await vi.waitFor(() => expect(heard).toContain('still here'))
    await bad.room.leave()
    await good.room.leave()
  })

  it('disconnects a persistent abuser and keeps the room running', async () => {
    const bad = await joinBranch(t, 'Flood')
    const good = await joinBranch(t, 'Calm')
    const left = new Promise<number>((r) => bad.room.onLeave((code) => r(code)))
    for (let i = 0; i < 60; i++) bad.room.send('pose', { bogus: i })
    expect(await left).toBe(4429)
    const heard: string[] = []
    good.room.onMessage('chat', (l: { text: string }) => heard.push(l.text))
    good.room.send('chat', { text: 'after the flood' })
    await vi.waitFor(() => expect(heard).toContain('after the flood'))
    await vi.waitFor(() => expect([...good.room.state.avatars.values()].map((a) => a.name)).toEqual(['Calm']))
    await good.room.leave()
  })

  it('survives raw garbage frames and closes oversized ones for that client only', async () => {
    const bad = await joinBranch(t, 'Raw')
    const good = await joinBranch(t, 'Fine')
    const ws = (bad.room.connection as unknown as { transport: { ws: WebSocket } }).transport.ws
    ws.send(new Uint8Array([13]))
    ws.send(new Uint8Array([13, 0xd9, 0xff]))
    ws.send(new Uint8Array([17]))
    ws.send(new Uint8Array([13, 0xa4, 0x63, 0x68, 0x61, 0x74, 0xc1, 0xc1]))
    ws.send(new Uint8Array(64 * 1024)) // above the 4 KB frame limit
    await vi.waitFor(() => expect(ws.readyState).toBe(3))
    const heard: string[] = []
    good.room.onMessage('chat', (l: { text: string }) => heard.push(l.text))
    good.room.send('chat', { text: 'unharmed' })
    await vi.waitFor(() => expect(heard).toContain('unharmed'))
    await good.room.leave()
  })

  it('limits chat to 5 messages per 10 s and keeps history for late joiners', async () => {
    const a = await joinBranch(t, 'Chatty')
    const errors: RoomErrorMsg[] = []
    a.room.onMessage('error', (e: RoomErrorMsg) => errors.push(e))
    for (let i = 0; i < 7; i++) a.room.send('chat', { text: `line ${i} <script>` })
    await vi.waitFor(() => expect(errors.filter((e) => e.code === 'rate_limited')).toHaveLength(2))
    const late = await joinBranch(t, 'Late')
    const history = await new Promise<{ text: string; name: string; from: string }[]>((r) =>
      late.room.onMessage('chatHistory', r),
    )
    const mine = history.filter((l) => l.from === a.id)
    expect(mine.map((l) => l.text)).toEqual([0, 1, 2, 3, 4].map((i) => `line ${i} <script>`))
    expect(mine[0]?.name).toBe('Chatty')
    await a.room.leave()
    await late.room.leave()
  })
})

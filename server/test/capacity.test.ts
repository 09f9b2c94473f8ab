import { BranchState } from '@atrium/common'
import { Client } from 'colyseus.js'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { loadConfig } from '../src/config.ts'
import { joinBranch, sleep, startServer, type TestServer } from './helpers.ts'

let t: TestServer

beforeAll(async () => {
  // a tiny instance and a short reconnection window keep the test fast; the defaults are checked below
  t = await startServer({ maxClients: 2, reconnectSeconds: 2 })
})
afterAll(async () => {
  await t.server.close()
})

function dropConnection(room: { connection: unknown }): void {
  ;(room.connection as { transport: { ws: { close(): void } } }).transport.ws.close()
}

describe('capacity and reconnection', () => {
  it('defaults to 100 seats and a 20 s reconnection window', () => {
    const c = loadConfig({})
    expect(c.maxClients).toBe(100)
    expect(c.reconnectSeconds).toBe(20)
    expect(() => loadConfig({ ATRIUM_MAX_CLIENTS: 'lots' })).toThrow(/ATRIUM_MAX_CLIENTS/)
  })

  it('spills the next visitor into a new, numbered instance when one is full', async () => {
    const a = await joinBranch(t, 'One')
    const b = await joinBranch(t, 'Two')
    const c = await joinBranch(t, 'Three')
    expect(b.room.roomId).toBe(a.room.roomId)
    expect(c.room.roomId).not.toBe(a.room.roomId)
    await vi.waitFor(() => {
      expect(a.room.state.instance).toBe(1)
      expect(c.room.state.instance).toBe(2)
    })
    expect(a.room.state.maxClients).toBe(2)
    await Promise.all([a.room.leave(), b.room.leave(), c.room.leave()])
  })

  it('keeps the seat for a client that returns within the window', async () => {
    const a = await joinBranch(t, 'Dropper')
    const w = await joinBranch(t, 'Witness')
    await vi.waitFor(() => expect(w.room.state.avatars.get(a.room.sessionId)).toBeDefined())
    const slot = a.room.state.avatars.get(a.room.sessionId)!.slot
    dropConnection(a.room)
    await vi.waitFor(() => expect(w.room.state.avatars.get(a.room.sessionId)?.connected).toBe(false))
    // the held seat still counts: a newcomer cannot take it
    const other = new Client(`ws://127.0.0.1:${t.port}`)
    other.auth.token = (await (await import('./helpers.ts')).guest(t, 'Newcomer')).token
    const newcomer = await other.joinOrCreate('branch', {}, BranchState)
    expect(newcomer.roomId).not.toBe(a.room.roomId)
    await newcomer.leave()

    const back = await a.client.reconnect(a.room.reconnectionToken, BranchState)
    expect(back.sessionId).toBe(a.room.sessionId)
    await vi.waitFor(() => expect(w.room.state.avatars.get(a.room.sessionId)?.connected).toBe(true))
    expect(back.state.avatars.get(back.sessionId)?.slot).toBe(slot)
    await back.leave()
    await w.room.leave()
  })

  it('frees the seat when the window passes', async () => {
    const a = await joinBranch(t, 'Gone')
    const w = await joinBranch(t, 'Stays')
    await vi.waitFor(() => expect(w.room.state.avatars.size).toBe(2))
    const token = a.room.reconnectionToken
    dropConnection(a.room)
    await sleep(2600)
    await vi.waitFor(() => expect(w.room.state.avatars.has(a.room.sessionId)).toBe(false))
    await expect(a.client.reconnect(token, BranchState)).rejects.toThrow()
    // and the freed seat is usable again
    const n = await joinBranch(t, 'Next')
    expect(n.room.roomId).toBe(w.room.roomId)
    await n.room.leave()
    await w.room.leave()
  })
})

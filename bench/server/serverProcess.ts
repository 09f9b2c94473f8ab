/**
 * The server under test, alone in its own process so that load clients never share its event loop.
 * It is the real Atrium server (createAtriumServer) plus a read-only IPC window onto its rooms.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay, performance, type EventLoopUtilization } from 'node:perf_hooks'

import { matchMaker } from '@colyseus/core'

import { createAtriumServer } from '../../server/src/app.ts'
import { isolatedConfig } from '../../server/src/config.ts'
import { BranchRoom } from '../../server/src/rooms/BranchRoom.ts'
import { TokenService } from '../../server/src/services/tokens.ts'
import { serve } from './ipc.ts'
import type { RoomTotals, ServerPhase } from './types.ts'

export type ServerApi = {
  start: [undefined, { port: number }]
  mint: [number, string[]]
  phaseStart: [undefined, void]
  phaseEnd: [undefined, ServerPhase]
  close: [undefined, void]
}

const LOOP_RESOLUTION_MS = 5
const MB = 1024 * 1024

const dataDir = mkdtempSync(join(tmpdir(), 'atrium-bench-'))
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }))
// an explicit secret lets this process mint tokens that the server's own TokenService accepts
const secret = randomBytes(32).toString('base64url')
const config = isolatedConfig(dataDir, { secret })
const server = await createAtriumServer(config)
const tokens = new TokenService(secret)
const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS })
loop.enable()

const gc = (globalThis as { gc?: () => void }).gc

let phase:
  | { t0: number; cpu: NodeJS.CpuUsage; elu: EventLoopUtilization; heap: number; rooms: Map<string, RoomTotals> }
  | undefined

/** Totals of every BranchRoom in this process, read through the matchmaker (rooms are not changed). */
async function roomTotals(): Promise<RoomTotals[]> {
  const listings = await matchMaker.query({ name: 'branch' })
  const out: RoomTotals[] = []
  for (const l of listings) {
    const room = matchMaker.getLocalRoomById(l.roomId)
    if (!(room instanceof BranchRoom)) continue
    out.push({ roomId: room.roomId, clients: room.clients.length, ...room.stats })
  }
  return out
}

function heapUsedMb(): number {
  gc?.()
  return process.memoryUsage().heapUsed / MB
}

/** Event-loop lateness: the histogram records whole sampling intervals, so the interval is subtracted. */
function lateness(ns: number): number {
  return Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS)
}

serve<ServerApi>({
  async start() {
    return { port: await server.listen() }
  },
  async mint(count) {
    const out: string[] = []
    for (let i = 0; i < count; i++) {
      const id = `g_bench${i.toString(36)}`
      out.push((await tokens.issueGuest({ id, name: `Bot ${i}`, look: i % 64, lang: 'en' })).token)
    }
    return out
  },
  async phaseStart() {
    const heap = heapUsedMb()
    const rooms = new Map((await roomTotals()).map((r) => [r.roomId, r]))
    // reset last so the forced gc and the room query above do not count as loop delay
    loop.reset()
    phase = { t0: performance.now(), cpu: process.cpuUsage(), elu: performance.eventLoopUtilization(), heap, rooms }
  },
  async phaseEnd() {
    if (!phase) throw new Error('phaseEnd without phaseStart')
    const durationS = (performance.now() - phase.t0) / 1000
    const cpu = process.cpuUsage(phase.cpu)
    const elu = performance.eventLoopUtilization(phase.elu).utilization
    const loopDelayMs = {
      p50: lateness(loop.percentile(50)),
      p99: lateness(loop.percentile(99)),
      max: lateness(loop.max),
      mean: lateness(loop.mean),
    }
    const start = phase.rooms
    const rooms = (await roomTotals()).map((r): RoomTotals => {
      const s = start.get(r.roomId)
      if (!s) return r
      return {
        roomId: r.roomId,
        clients: r.clients,
        ticks: r.ticks - s.ticks,
        tickMs: r.tickMs - s.tickMs,
        frames: r.frames - s.frames,
        records: r.records - s.records,
        bytes: r.bytes - s.bytes,
      }
    })
    return {
      durationS,
      cpuUserMs: cpu.user / 1000,
      cpuSystemMs: cpu.system / 1000,
      loopDelayMs,
      loopResolutionMs: LOOP_RESOLUTION_MS,
      elu,
      heapUsedStartMb: phase.heap,
      heapUsedEndMb: heapUsedMb(),
      rssEndMb: process.memoryUsage().rss / MB,
      gcForced: gc !== undefined,
      rooms,
    }
  },
  close() {
    // no graceful shutdown: the clients are already gone and the process is disposable
    setImmediate(() => process.exit(0))
  },
})

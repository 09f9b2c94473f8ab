/**
 * Events benchmark: `node --import tsx bench/events/run.ts [--quick]`.
 *
 * One presenter and 200 registered attendees join an event's auditorium over real WebSockets with colyseus.js
 * (full state decoding, as browsers do); the server runs alone in its own process, pinned to one CPU, the clients to
 * the other. Every attendee sends its seated head yaw once a second. Measured: downstream bytes per second per seated
 * attendee (bar ≤ 20 KB/s), server CPU per state patch, and slide-change propagation from the presenter's send to
 * every attendee's decoded state (p95, bar < 500 ms), overflow instance included. Prints a table, writes
 * bench/results/events-<timestamp>.json and events-latest.json, and exits non-zero when a bar is missed.
 */
import { AuditoriumState, EV_C2S, quantizeYaw } from '@atrium/common'
import { Client, type Room } from 'colyseus.js'

import { runBench } from '../runBench.ts'
import { percentile } from '../stats.ts'
import { Child, killAll, pinToCpu, sleep } from '../server/ipc.ts'
import { writeResults } from '../writeResults.ts'
import type { EventServerApi } from './serverProcess.ts'

const quick = process.argv.includes('--quick')
const ATTENDEES = quick ? 60 : 200
const STEADY_S = quick ? 8 : 20
const SLIDE_CHANGES = quick ? 8 : 20
const SLIDE_GAP_MS = 700
const BAR_KBPS = 20
const BAR_P95_MS = 500

const log = (line: string): void => void process.stderr.write(line + '\n')

interface Seat {
  room: Room<AuditoriumState>
  bytes: number
  patches: number
}

/** Counts every byte that arrives on the room's WebSocket (Node's WebSocket, as colyseus.js uses it). */
function meter(seat: Seat): void {
  const ws = (seat.room.connection as unknown as { transport: { ws: WebSocket } }).transport.ws
  ws.addEventListener('message', (e: MessageEvent) => {
    const d = e.data as ArrayBuffer | Buffer
    const n = d instanceof ArrayBuffer ? d.byteLength : d.length
    // the server's WebSocket frame header (RFC 6455: 2 bytes up to 125, 4 up to 64 KiB)
    seat.bytes += n + (n <= 125 ? 2 : n <= 0xffff ? 4 : 10)
    const first = d instanceof ArrayBuffer ? new Uint8Array(d)[0] : d[0]
    if (first === 15) seat.patches++
  })
}

async function main(): Promise<number> {
  const server = await Child.start<EventServerApi>('event server', '../events/serverProcess.ts', false, 0)
  const pinned = server.pinned && pinToCpu(process.pid, 1)
  const { port } = await server.call('start', undefined)
  log(`server on port ${port}${pinned ? ', server and clients pinned to separate CPUs' : ''}; setting up…`)
  const setup = await server.call('setup', { attendees: ATTENDEES, slides: SLIDE_CHANGES + 1 }, 600_000)

  const join = async (token: string): Promise<Seat> => {
    const client = new Client(`ws://127.0.0.1:${port}`)
    client.auth.token = token
    const seat: Seat = {
      room: await client.joinOrCreate('auditorium', { eventId: setup.eventId }, AuditoriumState),
      bytes: 0,
      patches: 0,
    }
    // attendees here only watch the stage; Q&A and chat arrive too and are counted, not shown
    seat.room.onMessage('*', () => {})
    meter(seat)
    return seat
  }
  const presenter = await join(setup.host)
  const seats: Seat[] = []
  // join in small batches, as an audience arrives, so seat reservations never time out on a small machine
  for (let i = 0; i < setup.attendees.length; i += 20) {
    seats.push(...(await Promise.all(setup.attendees.slice(i, i + 20).map(join))))
  }
  const instances = new Set(seats.map((s) => s.room.roomId)).size
  log(`${seats.length} attendees seated in ${instances} instance(s); steady state for ${STEADY_S} s…`)

  // seated attendees turn their heads a little once a second, staggered
  let turn = 0
  const yawTimer = setInterval(() => {
    turn++
    seats.forEach((s, i) => {
      setTimeout(
        () => s.room.send(EV_C2S.yaw, { yaw: quantizeYaw(Math.sin(turn + i) * 0.5) }),
        (i * 1000) / seats.length,
      )
    })
  }, 1000)
  await sleep(2000)
  for (const s of [presenter, ...seats]) {
    s.bytes = 0
    s.patches = 0
  }
  const cpu0 = await server.call('cpu', undefined)
  const t0 = performance.now()
  await sleep(STEADY_S * 1000)
  const seconds = (performance.now() - t0) / 1000
  const cpu1 = await server.call('cpu', undefined)
  const bytesPerSec = seats.map((s) => s.bytes / seconds)
  const patchesSent = Math.max(...seats.map((s) => s.patches)) * instances
  const cpuMs = cpu1.userMs + cpu1.systemMs - cpu0.userMs - cpu0.systemMs

  // slide changes: time from the presenter's send to each attendee's decoded page
  const delays: number[] = []
  for (let k = 1; k <= SLIDE_CHANGES; k++) {
    const sent = performance.now()
    const pending = seats.map(
      (s) =>
        new Promise<void>((resolve) => {
          const check = () => {
            if (s.room.state.page !== k) return false
            delays.push(performance.now() - sent)
            resolve()
            return true
          }
          if (check()) return
          const listener = () => {
            if (check()) s.room.onStateChange.remove(listener)
          }
          s.room.onStateChange(listener)
        }),
    )
    presenter.room.send(EV_C2S.slide, { page: k })
    await Promise.race([Promise.all(pending), sleep(5000)])
    await sleep(SLIDE_GAP_MS)
  }
  clearInterval(yawTimer)
  const expected = SLIDE_CHANGES * seats.length
  const result = {
    at: new Date().toISOString(),
    quick,
    pinned,
    attendees: seats.length,
    instances,
    steadySeconds: Math.round(seconds * 10) / 10,
    downstreamKBpsPerAttendee: {
      mean: bytesPerSec.reduce((a, b) => a + b, 0) / bytesPerSec.length / 1024,
      max: Math.max(...bytesPerSec) / 1024,
      bar: BAR_KBPS,
    },
    serverCpu: {
      ms: cpuMs,
      share: cpuMs / (seconds * 1000),
      patches: patchesSent,
      msPerPatch: cpuMs / Math.max(1, patchesSent),
    },
    slidePropagationMs: {
      p50: percentile(delays, 50),
      p95: percentile(delays, 95),
      max: Math.max(...delays),
      received: delays.length,
      expected,
      bar: BAR_P95_MS,
    },
  }
  await Promise.all([presenter, ...seats].map((s) => s.room.leave().catch(() => undefined)))
  await server.stop('close')

  const f = (x: number, d = 2) => x.toFixed(d)
  console.log('\nEvents: auditorium with one presenter')
  console.log(
    `| attendees | instances | downstream KB/s per attendee (mean / max) | server CPU ms per patch | slide p50 / p95 / max ms |`,
  )
  console.log(`|---|---|---|---|---|`)
  console.log(
    `| ${result.attendees} | ${instances} | ${f(result.downstreamKBpsPerAttendee.mean)} / ${f(result.downstreamKBpsPerAttendee.max)} (bar ≤ ${BAR_KBPS}) | ${f(result.serverCpu.msPerPatch, 3)} (${f(result.serverCpu.share * 100, 1)}% of a core) | ${f(result.slidePropagationMs.p50, 0)} / ${f(result.slidePropagationMs.p95, 0)} / ${f(result.slidePropagationMs.max, 0)} (bar < ${BAR_P95_MS}) |`,
  )
  log(`results: ${writeResults('events', result)}`)
  const ok =
    result.downstreamKBpsPerAttendee.max <= BAR_KBPS &&
    result.slidePropagationMs.p95 < BAR_P95_MS &&
    delays.length === expected
  return ok ? 0 : 1
}

runBench('events', main, killAll)

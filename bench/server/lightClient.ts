/**
 * A headless visitor that speaks the Colyseus 0.16 wire protocol directly over `ws` and never
 * decodes state or poses: it only sends poses and counts what arrives, so one process can carry
 * hundreds of them. The handshake mirrors colyseus.js 0.16 (lib/Client.js, lib/Room.js).
 */
import { POSE_FRAME_HEADER_BYTES, POSE_FRAME_TYPE, POSE_RECORD_BYTES, type PoseMsg } from '@atrium/common'
import { Packr } from '@colyseus/msgpackr'
import { encode } from '@colyseus/schema'
import WebSocket from 'ws'

/** Colyseus 0.16 protocol codes (colyseus.js lib/Protocol.js). */
export const PROTOCOL = {
  JOIN_ROOM: 10,
  ERROR: 11,
  ROOM_DATA: 13,
  ROOM_STATE: 14,
  ROOM_STATE_PATCH: 15,
  ROOM_DATA_BYTES: 17,
} as const

/** Colyseus prefix of a pose frame: ROOM_DATA_BYTES, then the type number as one msgpack fixint. */
const POSE_PREFIX_BYTES = 2

export interface Reservation {
  room: { processId: string; roomId: string }
  sessionId: string
}

/** Reserves a seat through the matchmaker's HTTP route, as colyseus.js does (method: create, joinById…). */
export async function reserveSeat(port: number, token: string, method: string, target: string): Promise<Reservation> {
  const res = await fetch(`http://127.0.0.1:${port}/matchmake/${method}/${target}`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: '{}',
  })
  const body = (await res.json()) as Partial<Reservation> & { error?: string; code?: number }
  if (body.error || !body.room || !body.sessionId) throw new Error(`matchmake ${method} failed: ${body.error}`)
  return body as Reservation
}

/** WebSocket header size of an unmasked (server to client) frame with `len` payload bytes (RFC 6455 §5.2). */
export function wsHeaderBytes(len: number): number {
  return len <= 125 ? 2 : len <= 0xffff ? 4 : 10
}

/** The ROOM_DATA prefix of a 'pose' message, encoded once. */
function posePrefix(): Buffer {
  const buf = Buffer.alloc(16)
  buf[0] = PROTOCOL.ROOM_DATA
  const it = { offset: 1 }
  encode.string(buf, 'pose', it)
  return buf.subarray(0, it.offset)
}

const POSE_PREFIX = posePrefix()

export class Counters {
  wireBytes = 0
  poseFrames = 0
  poseRecords = 0
  poseWireBytes = 0
  patches = 0
  patchWireBytes = 0
  stateWireBytes = 0
  otherWireBytes = 0
  errors = 0
  corrections = 0
  posesSent = 0
}

export class LightClient {
  counters = new Counters()
  roomId = ''
  /** Where the server placed this visitor; poses must start from there. */
  placedAt: { x: number; z: number } | undefined
  private ws: WebSocket | undefined
  // the same encoder colyseus.js uses for messages (Room.packr)
  private readonly packr = new Packr()

  get open(): boolean {
    return this.ws?.readyState === WebSocket.OPEN
  }

  /** Reserves a seat, connects and completes the JOIN_ROOM handshake. */
  async join(port: number, token: string, method: string, target: string): Promise<void> {
    const seat = await reserveSeat(port, token, method, target)
    this.roomId = seat.room.roomId
    const url = `ws://127.0.0.1:${port}/${seat.room.processId}/${seat.room.roomId}?sessionId=${seat.sessionId}`
    const ws = new WebSocket(url)
    this.ws = ws
    await new Promise<void>((resolve, reject) => {
      const fail = (why: string): void => {
        reject(new Error(why))
        ws.terminate()
      }
      ws.on('error', (e) => fail(e.message))
      ws.on('close', (code) => fail(`closed before joining (${code})`))
      ws.on('message', (data: Buffer) => {
        if (data[0] === PROTOCOL.JOIN_ROOM) {
          // acknowledge, or the server never sends the full state nor counts us as joined
          ws.send(Buffer.from([PROTOCOL.JOIN_ROOM]))
          ws.removeAllListeners('close')
          ws.removeAllListeners('message')
          ws.on('message', (d: Buffer) => this.count(d))
          ws.on('ping', () => (this.counters.wireBytes += wsHeaderBytes(0)))
          resolve()
        } else if (data[0] === PROTOCOL.ERROR) fail('join refused by the server')
      })
    })
  }

  sendPose(msg: PoseMsg): void {
    if (!this.open) return
    this.ws!.send(Buffer.concat([POSE_PREFIX, this.packr.pack(msg)]))
    this.counters.posesSent++
  }

  close(): void {
    this.ws?.terminate()
  }

  /** Classifies one message by its first bytes and adds its on-wire size. */
  private count(data: Buffer): void {
    const c = this.counters
    const wire = data.length + wsHeaderBytes(data.length)
    c.wireBytes += wire
    const code = data[0]
    if (code === PROTOCOL.ROOM_DATA_BYTES && data[1] === POSE_FRAME_TYPE) {
      c.poseFrames++
      c.poseRecords += (data.length - POSE_PREFIX_BYTES - POSE_FRAME_HEADER_BYTES) / POSE_RECORD_BYTES
      c.poseWireBytes += wire
    } else if (code === PROTOCOL.ROOM_STATE_PATCH) {
      c.patches++
      c.patchWireBytes += wire
    } else if (code === PROTOCOL.ROOM_STATE) {
      c.stateWireBytes += wire
    } else {
      c.otherWireBytes += wire
      if (code === PROTOCOL.ROOM_DATA) this.countMessage(data)
    }
  }

  /** Reads the msgpack fixstr type of a ROOM_DATA message to spot errors and corrections. */
  private countMessage(data: Buffer): void {
    const h = data[1] ?? 0
    if ((h & 0xe0) !== 0xa0) return
    const type = data.toString('utf8', 2, 2 + (h & 0x1f))
    if (type === 'error') this.counters.errors++
    else if (type === 'correction') this.counters.corrections++
    else if (type === 'placed') {
      // this Packr decodes msgpack maps as Map objects
      const placed = this.packr.unpack(data.subarray(2 + (h & 0x1f))) as Map<string, number>
      this.placedAt = { x: placed.get('x') ?? NaN, z: placed.get('z') ?? NaN }
    }
  }
}

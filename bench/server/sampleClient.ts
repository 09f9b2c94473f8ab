/**
 * A visitor on the real client stack (colyseus.js with the BranchState schema) that decodes every
 * patch and pose frame. Light clients only count bytes; these prove that the bytes are right.
 */
import {
  BranchState,
  createPose,
  decodePose,
  isOnFloor,
  MOVEMENT,
  POSE_FRAME_TYPE,
  readFrame,
  ROOMS,
  type PoseMsg,
} from '@atrium/common'
import { Client, type Room } from 'colyseus.js'

import type { SampleReport } from './types.ts'

/**
 * A decoded head must travel this far during the phase to count as "updating" (m). Bots walk
 * 1.2 m/s, so even a 10 s phase gives about 12 m; path length, not start-to-end distance, so a
 * bot that happens to come back near where it was still counts.
 */
const MOVED_M = 1
/** Longest silence allowed for one avatar (far avatars are due every 4th tick, 200 ms). */
const MAX_GAP_MS = 2000

interface Track {
  x: number
  z: number
  path: number
  /** When it was last decoded, and the longest time without a decode (ms). */
  at: number
  maxGapMs: number
}

export class SampleClient {
  /** Where the server placed this visitor; poses must start from there. */
  placedAt: { x: number; z: number } | undefined
  private room: Room<BranchState> | undefined
  private tracks = new Map<number, Track>()
  private framesDecoded = 0
  private headsOffFloor = 0
  private since = performance.now()
  private readonly pose = createPose()

  get roomId(): string {
    return this.room?.roomId ?? ''
  }

  get open(): boolean {
    return this.room?.connection.isOpen ?? false
  }

  async join(port: number, token: string, method: string, target: string): Promise<void> {
    const client = new Client(`ws://127.0.0.1:${port}`)
    client.auth.token = token
    const room =
      method === 'create'
        ? await client.create(ROOMS.branch, {}, BranchState)
        : await client.joinById(target, {}, BranchState)
    this.room = room
    room.onMessage(POSE_FRAME_TYPE, (bytes: Uint8Array) => this.onFrame(bytes))
    // chat history, errors and corrections: light clients count those; swallow colyseus.js's warning
    room.onMessage('placed', (p: { x: number; z: number }) => (this.placedAt = p))
    room.onMessage('*', () => undefined)
  }

  sendPose(msg: PoseMsg): void {
    if (this.open) this.room!.send('pose', msg)
  }

  /** Forgets what was seen so that the report covers the steady phase only. */
  reset(): void {
    this.tracks.clear()
    this.framesDecoded = 0
    this.headsOffFloor = 0
    this.since = performance.now()
  }

  report(expectedAvatars: number): SampleReport {
    const state = this.room?.state
    const own = state?.avatars.get(this.room!.sessionId)?.slot
    const slots = new Set<number>()
    state?.avatars.forEach((a) => {
      if (a.slot !== own) slots.add(a.slot)
    })
    const now = performance.now()
    let moved = 0
    let unknown = 0
    let worstGap = 0
    for (const [slot, t] of this.tracks) {
      const gap = Math.max(t.maxGapMs, now - t.at)
      worstGap = Math.max(worstGap, gap)
      if (!slots.has(slot)) unknown++
      else if (t.path >= MOVED_M && gap <= MAX_GAP_MS) moved++
    }
    return {
      roomId: this.roomId,
      expectedAvatars,
      avatarsInState: state?.avatars.size ?? 0,
      otherSlots: slots.size,
      slotsDecoded: this.tracks.size,
      slotsMoved: moved,
      maxGapMs: worstGap,
      headsOffFloor: this.headsOffFloor,
      framesDecoded: this.framesDecoded,
      unknownSlots: unknown,
    }
  }

  close(): void {
    this.room?.connection.close()
  }

  private onFrame(bytes: Uint8Array): void {
    const now = performance.now()
    this.framesDecoded++
    readFrame(bytes, (slot, offset) => {
      const h = decodePose(bytes, offset, this.pose).head.p
      if (!isOnFloor(h[0], h[2]) || h[1] < MOVEMENT.minHeadHeight || h[1] > MOVEMENT.maxHeadHeight) this.headsOffFloor++
      const t = this.tracks.get(slot)
      if (t) {
        t.path += Math.hypot(h[0] - t.x, h[2] - t.z)
        t.maxGapMs = Math.max(t.maxGapMs, now - t.at)
        t.x = h[0]
        t.z = h[2]
        t.at = now
      } else this.tracks.set(slot, { x: h[0], z: h[2], path: 0, at: now, maxGapMs: now - this.since })
    })
  }
}

import { createPose, decodePose, frameTick, NET, readFrame } from '@atrium/common'

import { InterpolationBuffer } from './InterpolationBuffer.ts'
import { ServerClock } from './ServerClock.ts'

/** A remote avatar as the renderer needs it. Mutated in place; never React state. */
export interface RemoteAvatar {
  sessionId: string
  id: string
  slot: number
  name: string
  look: number
  speaking: boolean
  connected: boolean
  buffer: InterpolationBuffer
}

/**
 * Fast state of everyone else in the room: schema callbacks add and remove avatars, the binary
 * pose stream fills their interpolation buffers, and `useFrame` samples them.
 */
export class RemoteAvatars {
  readonly bySlot = new Map<number, RemoteAvatar>()
  readonly bySession = new Map<string, RemoteAvatar>()
  readonly clock = new ServerClock()
  /** Bumped when the set of avatars or a name/look changes, so the renderer can rebuild labels. */
  version = 0
  private readonly scratch = createPose()

  upsert(a: Omit<RemoteAvatar, 'buffer'>): void {
    const existing = this.bySession.get(a.sessionId)
    if (existing) {
      if (existing.name !== a.name || existing.look !== a.look || existing.slot !== a.slot) this.version++
      if (existing.slot !== a.slot) this.bySlot.delete(existing.slot)
      Object.assign(existing, a)
      this.bySlot.set(a.slot, existing)
      return
    }
    const avatar: RemoteAvatar = { ...a, buffer: new InterpolationBuffer() }
    this.bySession.set(a.sessionId, avatar)
    this.bySlot.set(a.slot, avatar)
    this.version++
  }

  remove(sessionId: string): void {
    const a = this.bySession.get(sessionId)
    if (!a) return
    this.bySession.delete(sessionId)
    if (this.bySlot.get(a.slot) === a) this.bySlot.delete(a.slot)
    this.version++
  }

  clear(): void {
    this.bySession.clear()
    this.bySlot.clear()
    this.version++
  }

  /** Decodes a pose frame into the buffers of the avatars it names. */
  ingest(frame: Uint8Array, now: number): void {
    const serverTime = this.clock.tickTime(frameTick(frame))
    this.clock.observe(serverTime, now)
    readFrame(frame, (slot, offset) => {
      const a = this.bySlot.get(slot)
      if (!a) return
      decodePose(frame, offset, this.scratch)
      a.buffer.push(serverTime, this.scratch)
    })
  }

  /** Server time to render remote avatars at, for local time `now`. */
  renderTime(now: number, avatar: RemoteAvatar): number {
    return this.clock.serverNow(now) - avatar.buffer.delayFor(NET.interpolationDelayMs)
  }
}

import { NET } from '@atrium/common'

const TICK_MS = 1000 / NET.tickHz
const WINDOW = 40

/**
 * Maps the server's 16-bit tick counter to a continuous server time and estimates the offset to
 * the local clock from the fastest recent arrivals (the least-delayed frames bound the offset).
 */
export class ServerClock {
  private lastTick = -1
  private wraps = 0
  private readonly samples: number[] = []
  private offset = 0

  /** Server time (ms) of `tick`, unwrapping the 16-bit counter. */
  tickTime(tick: number): number {
    if (this.lastTick >= 0 && tick < this.lastTick && this.lastTick - tick > 0x8000) this.wraps++
    this.lastTick = tick
    return (this.wraps * 0x10000 + tick) * TICK_MS
  }

  /** Records that a frame for `serverTime` arrived at local `now`. */
  observe(serverTime: number, now: number): void {
    this.samples.push(now - serverTime)
    if (this.samples.length > WINDOW) this.samples.shift()
    this.offset = Math.min(...this.samples)
  }

  /** The server time corresponding to local `now`. */
  serverNow(now: number): number {
    return now - this.offset
  }
}

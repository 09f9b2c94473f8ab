/** Token bucket: `capacity` events at once, refilled at `perSecond`. */
export class TokenBucket {
  private tokens: number
  private last: number

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    now = Date.now(),
  ) {
    this.tokens = capacity
    this.last = now
  }

  /** Takes one token; false when the bucket is empty. */
  take(now = Date.now()): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond)
    this.last = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}

/** At most `max` events in any sliding window of `windowMs`. */
export class SlidingWindow {
  private readonly times: number[] = []

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  take(now = Date.now()): boolean {
    while (this.times.length > 0 && now - this.times[0]! >= this.windowMs) this.times.shift()
    if (this.times.length >= this.max) return false
    this.times.push(now)
    return true
  }

  /** Events currently inside the window. */
  count(now = Date.now()): number {
    while (this.times.length > 0 && now - this.times[0]! >= this.windowMs) this.times.shift()
    return this.times.length
  }
}

import { createHash } from 'node:crypto'

import type { Presence } from '@colyseus/core'

/** Limits of the HTTP API; configurable so load benchmarks can lift them. */
export interface HttpLimits {
  /** Sign-in attempts per minute, per account and per address. */
  loginPerMinute: number
  /** Registrations per hour per address. */
  registerPerHour: number
  /** Other writes per minute per account (or address for guests). */
  writesPerMinute: number
}

export const DEFAULT_LIMITS: HttpLimits = { loginPerMinute: 5, registerPerHour: 20, writesPerMinute: 120 }

/** A request over a limit; `retryAfter` is in seconds. */
export class RateLimited extends Error {
  constructor(readonly retryAfter: number) {
    super(`too many requests; try again in ${retryAfter} s`)
  }
}

/** Back-off after repeated failures: 30 s, 1 min, 2 min … capped at 15 min. */
export function backoffSeconds(failures: number, limit: number): number {
  if (failures < limit) return 0
  return Math.min(15 * 60, 30 * 2 ** (failures - limit))
}

const key = (loginId: string) => createHash('sha256').update(loginId).digest('base64url').slice(0, 22)

/**
 * Counters in Colyseus presence, so every server process sees the same numbers (with Redis
 * presence). Login ids are hashed: presence never holds an email or phone number.
 */
export class RequestLimiter {
  constructor(
    private readonly presence: Presence,
    readonly limits: HttpLimits,
  ) {}

  /**
   * Counts a hit in a fixed window; throws RateLimited past `limit`. The window is part of the key
   * because presence refreshes a key's expiry on every increment.
   */
  async hit(bucket: string, who: string, limit: number, windowSeconds: number): Promise<void> {
    const windowMs = windowSeconds * 1000
    const now = Date.now()
    const window = Math.floor(now / windowMs)
    const n = await this.presence.hincrbyex(`rl:${bucket}:${who}:${window}`, 'n', 1, windowSeconds)
    if (n > limit) throw new RateLimited(Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000)))
  }

  /** Before checking a password: per-address and per-account windows, then any back-off lock. */
  async beforeLogin(loginId: string, ip: string): Promise<void> {
    const account = key(loginId)
    const until = Number((await this.presence.get(`login:lock:${account}`)) ?? 0)
    if (until > Date.now()) throw new RateLimited(Math.ceil((until - Date.now()) / 1000))
    await this.hit('login:ip', ip, this.limits.loginPerMinute, 60)
    await this.hit('login:acct', account, this.limits.loginPerMinute, 60)
  }

  /** After a wrong password: count the failure and lock the account for a growing time. */
  async loginFailed(loginId: string): Promise<void> {
    const account = key(loginId)
    const failures = await this.presence.hincrbyex('login:fail', account, 1, 60 * 60)
    const wait = backoffSeconds(failures, this.limits.loginPerMinute)
    if (wait > 0) await this.presence.setex(`login:lock:${account}`, String(Date.now() + wait * 1000), wait)
  }

  async loginSucceeded(loginId: string): Promise<void> {
    await this.presence.hdel('login:fail', key(loginId))
  }
}

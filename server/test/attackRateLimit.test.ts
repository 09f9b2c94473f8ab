import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { DEFAULT_LIMITS } from '../src/services/accounts/RequestLimiter.ts'
import { call, register, uniqueLogin } from './accountHelpers.ts'
import { expectRefused } from './attackHelpers.ts'
import { startServer, type TestServer } from './helpers.ts'

describe('sign-in rate limiting (default limits)', () => {
  let t: TestServer

  beforeAll(async () => {
    t = await startServer()
    expect(t.server.services.limiter.limits).toEqual(DEFAULT_LIMITS)
  })
  afterAll(async () => {
    vi.restoreAllMocks()
    await t.server.close()
  })

  it('locks an account after five failures a minute and backs off further after more', async () => {
    const a = await register(t)
    const attempt = (password: string) => call(t, 'POST', '/api/auth/login', { json: { loginId: a.loginId, password } })
    for (let i = 0; i < DEFAULT_LIMITS.loginPerMinute; i++) {
      expectRefused(await attempt('wrong-password'), 401, 'invalid_credentials')
    }
    // the sixth attempt within the minute is refused before the password is checked, even the right one
    const locked = await attempt(a.password)
    expectRefused(locked, 429, 'rate_limited', [a.loginId])
    const first = Number(locked.headers.get('retry-after'))
    expect(first).toBeGreaterThan(0)
    expect(first).toBeLessThanOrEqual(30)
    expectRefused(await attempt('wrong-password'), 429, 'rate_limited')

    // let time pass (the lock and the per-minute windows run on Date.now)
    const realNow = Date.now.bind(Date)
    let offset = 0
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() + offset)
    /** Moves the clock on by at least `seconds`, to 1 s into a fresh one-minute window (so no window ends mid-step). */
    const pass = (seconds: number) => {
      offset += seconds * 1000
      offset += 61_000 - ((realNow() + offset) % 60_000)
    }
    pass(30)
    expectRefused(await attempt('wrong-password'), 401, 'invalid_credentials')
    const second = await attempt(a.password)
    expectRefused(second, 429, 'rate_limited')
    const secondWait = Number(second.headers.get('retry-after'))
    expect(secondWait).toBeGreaterThan(first)
    expect(secondWait).toBeGreaterThan(30)
    expect(secondWait).toBeLessThanOrEqual(60)

    pass(60)
    expectRefused(await attempt('wrong-password'), 401, 'invalid_credentials')
    const third = await attempt('wrong-password')
    expectRefused(third, 429, 'rate_limited')
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(secondWait)

    // after the back-off the right password works, and success clears the failure count
    pass(120)
    const ok = await attempt(a.password)
    expect(ok.status).toBe(200)
    expectRefused(await attempt('wrong-password'), 401, 'invalid_credentials')
    expect((await attempt(a.password)).status).toBe(200)

    // the per-address window: many different accounts from one address are limited too
    pass(0)
    const statuses: number[] = []
    for (let i = 0; i < 7; i++) {
      statuses.push(
        (await call(t, 'POST', '/api/auth/login', { json: { loginId: uniqueLogin('probe'), password: 'x' } })).status,
      )
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401])
    expect(statuses.slice(5)).toEqual([429, 429])
    // the audit trail never holds the probed login ids
    const failures = await t.server.services.audit.query({ action: 'auth.login_failed', limit: 50 })
    expect(JSON.stringify(failures)).not.toContain('probe.')
    vi.restoreAllMocks()
  })
})

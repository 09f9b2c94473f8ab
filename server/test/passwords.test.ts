import { LocalPresence } from '@colyseus/core'
import { describe, expect, it } from 'vitest'

import { DEFAULT_SCRYPT, hashPassword, verifyPassword } from '../src/services/accounts/passwords.ts'
import { backoffSeconds, RateLimited, RequestLimiter } from '../src/services/accounts/RequestLimiter.ts'

describe('password hashing', () => {
  it('uses scrypt at the OWASP minimum cost by default and verifies', async () => {
    expect(DEFAULT_SCRYPT).toEqual({ logN: 17, r: 8, p: 1 })
    const hash = await hashPassword('correct horse battery staple')
    expect(hash).toMatch(/^scrypt\$17\$8\$1\$[\w-]{22}\$[\w-]{43}$/)
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true)
    expect(await verifyPassword('correct horse battery stapler', hash)).toBe(false)
  })

  it('salts every hash and keeps each hash verifiable at its own cost', async () => {
    const cheap = { logN: 10, r: 8, p: 1 }
    const a = await hashPassword('same password', cheap)
    const b = await hashPassword('same password', cheap)
    expect(a).not.toBe(b)
    expect(await verifyPassword('same password', a)).toBe(true)
  })

  it('treats Unicode forms alike and refuses malformed or absurd hashes', async () => {
    const cheap = { logN: 10, r: 8, p: 1 }
    expect(await verifyPassword('caf\u00e9 au lait', await hashPassword('cafe\u0301 au lait', cheap))).toBe(true)
    expect(await verifyPassword('x', 'plain-text')).toBe(false)
    expect(await verifyPassword('x', 'scrypt$30$8$1$c2FsdA$aGFzaA')).toBe(false)
  })
})

describe('request limits', () => {
  it('backs off 30 s, 1 min, 2 min … up to 15 min after the limit', () => {
    expect([4, 5, 6, 7, 20].map((f) => backoffSeconds(f, 5))).toEqual([0, 30, 60, 120, 900])
  })

  it('counts per key in fixed windows and locks an account after repeated failures', async () => {
    const limiter = new RequestLimiter(new LocalPresence(), {
      loginPerMinute: 3,
      registerPerHour: 1,
      writesPerMinute: 1,
    })
    for (let i = 0; i < 3; i++) await limiter.beforeLogin('a@example.com', '10.0.0.1')
    await expect(limiter.beforeLogin('a@example.com', '10.0.0.2')).rejects.toBeInstanceOf(RateLimited)
    // another account from another address is unaffected
    await limiter.beforeLogin('b@example.com', '10.0.0.3')
    for (let i = 0; i < 3; i++) await limiter.loginFailed('c@example.com')
    const locked = await limiter.beforeLogin('c@example.com', '10.0.0.4').catch((e: unknown) => e)
    expect(locked).toBeInstanceOf(RateLimited)
    expect((locked as RateLimited).retryAfter).toBeGreaterThanOrEqual(29)
    await limiter.loginFailed('c@example.com')
    const longer = (await limiter.beforeLogin('c@example.com', '10.0.0.5').catch((e: unknown) => e)) as RateLimited
    expect(longer.retryAfter).toBeGreaterThan(50)
  })
})

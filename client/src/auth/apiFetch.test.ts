import type { AccountView, SessionResponse } from '@atrium/common'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { apiFetch } from './apiFetch.ts'
import { ApiRequestError } from './ApiRequestError.ts'
import { clearSession, sessionStore, setSession } from './sessionStore.ts'

const user: AccountView = {
  id: 'u_abcdefgh',
  displayName: 'Mei',
  role: 'customer',
  lang: 'en',
  look: 0,
  loginId: 'mei@example.com',
  createdAt: 0,
  disabled: false,
}
const session = (token: string): SessionResponse => ({ accessToken: token, expiresAt: Date.now() + 60_000, user })
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })

type Call = { url: string; auth: string | null; method: string }

function stubFetch(answer: (c: Call, n: number) => Response) {
  const calls: Call[] = []
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    const headers = new Headers(init.headers)
    const call = { url, auth: headers.get('authorization'), method: init.method ?? 'GET' }
    calls.push(call)
    return Promise.resolve(answer(call, calls.length))
  })
  return calls
}

beforeEach(() => setSession(session('old')))
afterEach(() => {
  vi.unstubAllGlobals()
  clearSession()
})

describe('apiFetch', () => {
  it('sends the bearer token and returns the body', async () => {
    const calls = stubFetch(() => json(200, { ok: 1 }))
    await expect(apiFetch('/api/me')).resolves.toEqual({ ok: 1 })
    expect(calls).toEqual([{ url: '/api/me', auth: 'Bearer old', method: 'GET' }])
  })

  it('refreshes once on token_expired and retries with the new token', async () => {
    const calls = stubFetch((c) => {
      if (c.url === '/api/auth/refresh') return json(200, session('new'))
      return c.auth === 'Bearer new'
        ? json(200, { ok: 2 })
        : json(401, { error: { code: 'token_expired', message: '' } })
    })
    await expect(apiFetch('/api/me/consents')).resolves.toEqual({ ok: 2 })
    expect(calls.map((c) => c.url)).toEqual(['/api/me/consents', '/api/auth/refresh', '/api/me/consents'])
    expect(sessionStore.getState().accessToken).toBe('new')
  })

  it('signs out when the refresh is refused', async () => {
    stubFetch((c) =>
      c.url === '/api/auth/refresh'
        ? json(401, { error: { code: 'session_expired', message: '' } })
        : json(401, { error: { code: 'token_expired', message: '' } }),
    )
    await expect(apiFetch('/api/me')).rejects.toMatchObject({ code: 'session_expired' })
    expect(sessionStore.getState().status).toBe('anonymous')
  })

  it('shares one refresh between concurrent calls with an expired token', async () => {
    sessionStore.setState({ expiresAt: Date.now() - 1 })
    const calls = stubFetch((c) => (c.url === '/api/auth/refresh' ? json(200, session('new')) : json(200, {})))
    await Promise.all([apiFetch('/api/a'), apiFetch('/api/b')])
    expect(calls.filter((c) => c.url === '/api/auth/refresh')).toHaveLength(1)
    expect(calls.filter((c) => c.url !== '/api/auth/refresh').every((c) => c.auth === 'Bearer new')).toBe(true)
  })

  it('passes other errors through with their code and Retry-After', async () => {
    stubFetch(() => json(429, { error: { code: 'rate_limited', message: '' } }, { 'retry-after': '7' }))
    const e = await apiFetch('/api/me').catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ApiRequestError)
    expect(e).toMatchObject({ status: 429, code: 'rate_limited', retryAfter: 7 })
  })

  it('returns undefined for 204 and reports network failures', async () => {
    stubFetch(() => new Response(null, { status: 204 }))
    await expect(apiFetch('/api/me', { method: 'DELETE', body: { password: 'x' } })).resolves.toBeUndefined()
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')))
    await expect(apiFetch('/api/me')).rejects.toMatchObject({ code: 'network', status: 0 })
  })
})

describe('apiFetch when the session has ended', () => {
  it('signs out without trying to refresh', async () => {
    const calls = stubFetch(() => json(401, { error: { code: 'session_ended', message: '' } }))
    await expect(apiFetch('/api/me')).rejects.toMatchObject({ code: 'session_ended' })
    expect(calls).toHaveLength(1)
    expect(sessionStore.getState().status).toBe('anonymous')
  })
})

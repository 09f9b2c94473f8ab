import type { AccountView } from '@atrium/common'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { clearSession, setSession } from '../auth/sessionStore.ts'
import { clearGuestSession, guestSession, setGuestSession } from './guestSession.ts'
import { askHost, fetchConversation, hostOwner } from './hostApi.ts'

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

function stubFetch() {
  const calls: { url: string; auth: string | null; body: unknown }[] = []
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    const body: unknown = init.body ? JSON.parse(String(init.body)) : undefined
    calls.push({ url, auth: new Headers(init.headers).get('authorization'), body })
    return Promise.resolve(new Response(JSON.stringify({ conversationId: 'c_12345678', reply: {} }), { status: 200 }))
  })
  return calls
}

afterEach(() => {
  vi.unstubAllGlobals()
  clearSession()
  clearGuestSession()
})

describe('host API', () => {
  it('asks with the guest token when nobody is signed in', async () => {
    clearSession()
    setGuestSession({ token: 'guest-token', id: 'g_12345678', expiresAt: Date.now() + 60_000 })
    const calls = stubFetch()
    await askHost({ text: 'hello', lang: 'en' })
    expect(calls).toEqual([{ url: '/api/host/ask', auth: 'Bearer guest-token', body: { text: 'hello', lang: 'en' } }])
    expect(hostOwner()).toBe('g_12345678')
  })

  it('asks with the account token when signed in, even with a guest token kept', async () => {
    setGuestSession({ token: 'guest-token', id: 'g_12345678', expiresAt: Date.now() + 60_000 })
    setSession({ accessToken: 'account-token', expiresAt: Date.now() + 60_000, user })
    const calls = stubFetch()
    await fetchConversation('c_12345678')
    expect(calls.map((c) => [c.url, c.auth])).toEqual([['/api/host/conversations/c_12345678', 'Bearer account-token']])
    expect(hostOwner()).toBe('u_abcdefgh')
  })

  it('refuses without any token, and keeps the guest token out of web storage', async () => {
    clearSession()
    const calls = stubFetch()
    await expect(askHost({ text: 'hello', lang: 'en' })).rejects.toMatchObject({ code: 'unauthenticated' })
    expect(calls).toHaveLength(0)
    expect(guestSession.getState().token).toBeUndefined()
  })
})

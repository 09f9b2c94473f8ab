import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { guest, startServer, type TestServer } from './helpers.ts'

let t: TestServer

beforeAll(async () => {
  t = await startServer()
})
afterAll(async () => {
  await t.server.close()
})

async function post(path: string, body: string, type = 'application/json') {
  const res = await fetch(`${t.url}${path}`, { method: 'POST', headers: { 'content-type': type }, body })
  return { status: res.status, body: (await res.json()) as { error?: { code: string; issues?: unknown[] } }, res }
}

describe('HTTP API', () => {
  it('issues a guest token with a pseudonymous id', async () => {
    const g = await guest(t, '王小明', 'zh-CN')
    expect(g.id).toMatch(/^g_[\w-]{16}$/)
    expect(g.token.split('.')).toHaveLength(3)
    expect(g.expiresAt).toBeGreaterThan(Date.now())
  })

  it('answers bad bodies with the one error shape', async () => {
    const invalid = await post('/api/guest', JSON.stringify({ name: '', look: { color: 0, shape: 0 }, lang: 'en' }))
    expect(invalid.status).toBe(400)
    expect(invalid.body.error?.code).toBe('invalid_body')
    expect(invalid.body.error?.issues?.length).toBeGreaterThan(0)
    const extra = await post(
      '/api/guest',
      JSON.stringify({ name: 'a', look: { color: 0, shape: 0 }, lang: 'en', role: 'admin' }),
    )
    expect(extra.status).toBe(400)
    expect((await post('/api/guest', '{nope')).body.error?.code).toBe('invalid_json')
    expect((await post('/api/guest', 'x', 'text/plain')).status).toBe(415)
    expect((await post('/api/guest', JSON.stringify({ name: 'x'.repeat(10_000) }))).status).toBe(413)
    const missing = await fetch(`${t.url}/api/nothing`)
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found')
  })

  it('sends security headers', async () => {
    const res = await fetch(`${t.url}/api/config`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await res.json()).toMatchObject({ maxClients: 100 })
  })

  it('rate limits guest tokens per address', async () => {
    const body = JSON.stringify({ name: 'Spam', look: { color: 0, shape: 0 }, lang: 'en' })
    const statuses: number[] = []
    for (let i = 0; i < 35; i++) statuses.push((await post('/api/guest', body)).status)
    expect(statuses).toContain(429)
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(30)
  })
})

import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { BranchState, CLOSE_SESSION_ENDED, type SessionResponse } from '@atrium/common'
import { Client } from 'colyseus.js'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { startRedis, type RunningRedis } from '../../scripts/redis.mjs'
import { freshDb, type TestDb } from './db.ts'
import { waitForOpen } from './waitForOpen.ts'

const root = join(import.meta.dirname, '../..')
const secret = 'scale-out-test-secret-0123456789abcdef'
const password = 'a long enough password'

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}

/** A real server process sharing PostgreSQL and Redis with the others. */
async function startProcess(
  db: TestDb,
  redis: RunningRedis,
): Promise<{ port: number; url: string; child: ChildProcess }> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/src/index.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      ATRIUM_PUBLIC_ADDRESS: `127.0.0.1:${port}`,
      ATRIUM_SECRET: secret,
      ATRIUM_SCRYPT_COST: '10',
      ATRIUM_DEMO_ACCOUNTS: '0',
      ATRIUM_DATA_DIR: mkdtempSync(join(tmpdir(), 'atrium-scale-')),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await waitForOpen(child)
  return { port, url: `http://127.0.0.1:${port}`, child }
}

/** A JSON POST; `from` picks the loopback source address, so per-address limits start fresh per test. */
function post(base: string, path: string, body: unknown, token?: string, from = '127.0.0.1') {
  const data = JSON.stringify(body)
  const headers: Record<string, string> = { 'content-type': 'application/json', 'content-length': String(data.length) }
  if (token) headers.authorization = `Bearer ${token}`
  return new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
    const req = request(base + path, { method: 'POST', headers, localAddress: from }, (res) => {
      let text = ''
      res.on('data', (c: Buffer) => (text += c.toString()))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }),
      )
    })
    req.once('error', reject)
    req.end(data)
  })
}

describe('two server processes sharing PostgreSQL and Redis', () => {
  let db: TestDb
  let redis: RunningRedis
  let a: Awaited<ReturnType<typeof startProcess>>
  let b: Awaited<ReturnType<typeof startProcess>>

  beforeAll(async () => {
    redis = await startRedis({ install: process.getuid?.() === 0 })
    db = await freshDb('postgres')
    await db.close()
    // both migrate the same empty database at once: the migration lock must hold
    ;[a, b] = await Promise.all([startProcess(db, redis), startProcess(db, redis)])
  }, 90_000)
  afterAll(async () => {
    for (const p of [a, b]) p?.child.kill('SIGTERM')
    await Promise.all([a, b].map((p) => p && new Promise((r) => p.child.once('exit', r))))
    await db?.drop()
    await redis?.stop()
  })

  it('shares accounts and sessions: register on one, sign in and read on the other', async () => {
    const reg = await post(a.url, '/api/auth/register', {
      displayName: 'Shared',
      loginId: 'shared@example.com',
      password,
      lang: 'en',
    })
    expect(reg.status).toBe(201)
    const me = await fetch(`${b.url}/api/me`, { headers: { authorization: `Bearer ${String(reg.body.accessToken)}` } })
    expect(me.status).toBe(200)
    const login = await post(b.url, '/api/auth/login', { loginId: 'shared@example.com', password })
    expect(login.status).toBe(200)
  })

  it('counts sign-in attempts across processes', async () => {
    await post(a.url, '/api/auth/register', {
      displayName: 'Target',
      loginId: 'target@example.com',
      password,
      lang: 'en',
    })
    const statuses: number[] = []
    const attempt = { loginId: 'target@example.com', password: 'wrong guess!' }
    for (let i = 0; i < 6; i++) {
      // alternate processes; a fresh source address keeps other tests' sign-ins out of the count
      const r = await post(i % 2 === 0 ? a.url : b.url, '/api/auth/login', attempt, undefined, '127.0.0.7')
      statuses.push(r.status)
    }
    // three attempts per process: only a shared counter reaches the limit of five
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401])
    expect(statuses[5]).toBe(429)
  })

  it('puts visitors of both processes in one room and ends a session across processes', async () => {
    const customer = (await post(b.url, '/api/auth/register', {
      displayName: 'Roamer',
      loginId: 'roamer@example.com',
      password,
      lang: 'zh-CN',
    })) as { status: number; body: unknown }
    const session = customer.body as SessionResponse
    const viaB = new Client(`ws://127.0.0.1:${b.port}`)
    viaB.auth.token = session.accessToken
    const roomB = await viaB.joinOrCreate('branch', {}, BranchState)

    const guest = await post(a.url, '/api/guest', { name: 'Visitor', look: { color: 0, shape: 0 }, lang: 'en' })
    const viaA = new Client(`ws://127.0.0.1:${a.port}`)
    viaA.auth.token = String(guest.body.token)
    const roomA = await viaA.joinOrCreate('branch', {}, BranchState)
    expect(roomA.roomId).toBe(roomB.roomId)
    await vi.waitFor(() => expect(roomA.state.avatars.size).toBe(2))

    // an admin on process A ends the customer's sessions; the room (on B) drops the connection
    const adminLogin = 'admin@bank.example'
    const created = await new Promise<number | null>((resolve) => {
      const p = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          join(root, 'server/src/cli/admin.ts'),
          'create-staff',
          '--role',
          'admin',
          '--login',
          adminLogin,
          '--name',
          'Admin',
          '--password',
          password,
        ],
        {
          cwd: root,
          env: { ...process.env, DATABASE_URL: db.url, ATRIUM_SECRET: secret, ATRIUM_SCRYPT_COST: '10' },
          stdio: 'ignore',
        },
      )
      p.once('exit', resolve)
    })
    expect(created).toBe(0)
    const admin = await post(a.url, '/api/auth/login', { loginId: adminLogin, password }, undefined, '127.0.0.8')
    const left = new Promise<number>((resolve) => roomB.onLeave((code) => resolve(code)))
    const revoke = await post(
      a.url,
      `/api/admin/users/${session.user.id}/revoke-sessions`,
      {},
      String(admin.body.accessToken),
    )
    expect(revoke.body).toEqual({ revoked: 1 })
    expect(await left).toBe(CLOSE_SESSION_ENDED)
    await vi.waitFor(() => expect(roomA.state.avatars.size).toBe(1))
    await roomA.leave()
  })
})

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { BranchState, type GuestResponse } from '@atrium/common'
import { Client, type Room } from 'colyseus.js'

import { createAtriumServer, type AtriumServer } from '../src/app.ts'
import { isolatedConfig, type ServerConfig } from '../src/config.ts'

export interface TestServer {
  server: AtriumServer
  port: number
  url: string
}

/** Starts a real Atrium server on a free loopback port with a throwaway data folder. */
export async function startServer(overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'atrium-test-'))
  const config = isolatedConfig(dataDir, {
    // cheap hashes keep tests fast; the production cost is exercised in passwords.test.ts
    scrypt: { logN: 12, r: 8, p: 1 },
    ...overrides,
  })
  const server = await createAtriumServer(config)
  const port = await server.listen()
  return { server, port, url: `http://127.0.0.1:${port}` }
}

/** Asks the HTTP API for a guest token. */
export async function guest(t: TestServer, name = 'Tester', lang: 'en' | 'zh-CN' = 'en'): Promise<GuestResponse> {
  const res = await fetch(`${t.url}/api/guest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, look: { color: 1, shape: 0 }, lang }),
  })
  if (res.status !== 201) throw new Error(`guest token failed: ${res.status} ${await res.text()}`)
  return (await res.json()) as GuestResponse
}

/** A real colyseus.js client joined to the atrium with a fresh guest token. */
export async function joinBranch(
  t: TestServer,
  name = 'Tester',
): Promise<{ client: Client; room: Room<BranchState>; id: string }> {
  const g = await guest(t, name)
  const client = new Client(`ws://127.0.0.1:${t.port}`)
  client.auth.token = g.token
  const room = await client.joinOrCreate('branch', {}, BranchState)
  return { client, room, id: g.id }
}

/** A pose message standing at (x, z) facing north, hands at the sides. */
export function poseAt(x: number, z: number, y = 1.6) {
  const q = [0, 0, 0, 1]
  return { h: [x, y, z, ...q], l: [x - 0.25, y - 0.65, z - 0.1, ...q], r: [x + 0.25, y - 0.65, z - 0.1, ...q] }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

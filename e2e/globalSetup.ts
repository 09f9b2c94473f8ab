import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import type { TestProject } from 'vitest/node'

import { startLivekit } from '../scripts/livekit.mjs'
import { waitForOpen } from '../server/test/waitForOpen.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    /** Whether a real livekit-server runs for this suite (voice tests need it). */
    media: boolean
    /** LiveKit's HTTP API and keys when `media` is true, for tests that check the server's view of a room. */
    livekit: { httpUrl: string; apiKey: string; apiSecret: string } | null
    /** The demo accounts the shared server printed on first start: role → login id and password. */
    demoAccounts: Record<string, { loginId: string; password: string }>
  }
}

let server: ChildProcess | undefined
let livekit: Awaited<ReturnType<typeof startLivekit>> | undefined

/** Starts the real Atrium server with the built client on a free loopback port. */
export async function setup(project: TestProject): Promise<void> {
  const root = join(import.meta.dirname, '..')
  // a real LiveKit server on loopback for the voice tests (built with Go once when missing); with CI=true it must run
  try {
    livekit = await startLivekit({ build: true })
  } catch (e) {
    if (process.env.CI === 'true') throw e
    console.warn(`voice tests skipped: ${e instanceof Error ? e.message : String(e)}`)
  }
  server = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/src/index.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      // a separate build can be tested side by side: ATRIUM_E2E_STATIC_DIR=dist/other
      ATRIUM_STATIC_DIR: join(root, process.env.ATRIUM_E2E_STATIC_DIR ?? 'dist/client'),
      ATRIUM_DATA_DIR: mkdtempSync(join(tmpdir(), 'atrium-e2e-')),
      // cheaper password hashing keeps sign-in steps quick on small CI machines
      ATRIUM_SCRYPT_COST: '14',
      ...(livekit && {
        ATRIUM_LIVEKIT_URL: livekit.url,
        LIVEKIT_API_URL: livekit.httpUrl,
        LIVEKIT_API_KEY: livekit.apiKey,
        LIVEKIT_API_SECRET: livekit.apiSecret,
      }),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const { url: address, output: out } = await waitForOpen(server)
  const url = `${address.replace('127.0.0.1', 'localhost')}/`
  project.provide('baseUrl', url)
  project.provide('media', livekit !== undefined)
  project.provide(
    'livekit',
    livekit ? { httpUrl: livekit.httpUrl, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret } : null,
  )
  const demoAccounts: Record<string, { loginId: string; password: string }> = {}
  for (const m of out.matchAll(/^│ (\w+)\s+(\S+@\S+)\s+(\S+)\s*$/gm)) {
    demoAccounts[m[1]!] = { loginId: m[2]!, password: m[3]! }
  }
  project.provide('demoAccounts', demoAccounts)
}

export async function teardown(): Promise<void> {
  server?.kill('SIGTERM')
  await livekit?.stop()
}

/**
 * What the browser benchmarks share: a production build of the client, the real Atrium server on loopback with demo
 * accounts and a real livekit-server (pages sign in with `enterSignedIn` from e2e/browser.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import type { RunningLivekit } from '../scripts/livekit.d.mts'
import { waitForOpen } from '../server/test/waitForOpen.ts'
// window.__atrium, installed with ?testhook
import type {} from '../client/src/scene/testHookTypes.ts'

const root = join(import.meta.dirname, '..')

/** A demo account the server printed on first start. */
export interface Account {
  loginId: string
  password: string
}

/** The running server: its URL, child process and demo accounts by role. */
export interface AppServer {
  base: string
  child: ChildProcess
  accounts: Record<string, Account>
}

/** Builds the client into dist/client (the server serves it); only errors are printed. */
export function buildClient(): void {
  for (const [cmd, args] of [
    [process.execPath, [join(root, 'scripts/copy-xr-profiles.mjs')]],
    [process.execPath, [join(root, 'scripts/copy-pdfjs-assets.mjs')]],
    [join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn']],
  ] as const) {
    const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
    if (r.status !== 0) throw new Error('client build failed')
  }
}

/** Starts the server on a free loopback port with the built client, demo accounts and LiveKit. */
export async function startAppServer(lk: RunningLivekit): Promise<AppServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/src/index.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      ATRIUM_STATIC_DIR: join(root, 'dist/client'),
      ATRIUM_DATA_DIR: mkdtempSync(join(tmpdir(), 'atrium-bench-')),
      ATRIUM_DEMO_ACCOUNTS: '1',
      // cheaper password hashing keeps signing in quick
      ATRIUM_SCRYPT_COST: '14',
      ATRIUM_LIVEKIT_URL: lk.url,
      LIVEKIT_API_URL: lk.httpUrl,
      LIVEKIT_API_KEY: lk.apiKey,
      LIVEKIT_API_SECRET: lk.apiSecret,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const { url, output } = await waitForOpen(child)
  const accounts: Record<string, Account> = {}
  for (const m of output.matchAll(/^│ (\w+)\s+(\S+@\S+)\s+(\S+)\s*$/gm)) {
    accounts[m[1]!] = { loginId: m[2]!, password: m[3]! }
  }
  return { base: `${url.replace('127.0.0.1', 'localhost')}/`, child, accounts }
}

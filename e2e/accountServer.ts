import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { waitForOpen } from '../server/test/waitForOpen.ts'

/** A demo account as the server prints it on first start: role, login id, password. */
export interface DemoAccount {
  role: string
  loginId: string
  password: string
}

export interface DemoServer {
  url: string
  accounts: Map<string, DemoAccount>
  stop: () => void
}

/**
 * Starts a private Atrium server (fresh data folder, built client) and reads the demo accounts it
 * prints; the shared e2e server does not expose them, and staff tests need their passwords.
 */
export async function startDemoServer(): Promise<DemoServer> {
  const root = join(import.meta.dirname, '..')
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/src/index.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      // a separate build can be tested side by side: ATRIUM_E2E_STATIC_DIR=dist/other
      ATRIUM_STATIC_DIR: join(root, process.env.ATRIUM_E2E_STATIC_DIR ?? 'dist/client'),
      ATRIUM_DATA_DIR: mkdtempSync(join(tmpdir(), 'atrium-e2e-staff-')),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const { url: address, output: out } = await waitForOpen(child)
  const url = `${address.replace('127.0.0.1', 'localhost')}/`
  const accounts = new Map<string, DemoAccount>()
  for (const m of out.matchAll(/^│ (\w+)\s+(\S+@\S+)\s+(\S+)\s*$/gm)) {
    accounts.set(m[1]!, { role: m[1]!, loginId: m[2]!, password: m[3]! })
  }
  return { url, accounts, stop: () => child.kill('SIGTERM') }
}

import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

let server: ChildProcess | undefined

/** Starts the real Atrium server with the built client on a free loopback port. */
export async function setup(project: TestProject): Promise<void> {
  const root = join(import.meta.dirname, '..')
  server = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/src/index.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      ATRIUM_STATIC_DIR: join(root, 'dist/client'),
      ATRIUM_DATA_DIR: mkdtempSync(join(tmpdir(), 'atrium-e2e-')),
      // cheaper password hashing keeps sign-in steps quick on small CI machines
      ATRIUM_SCRYPT_COST: '14',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 30 s')), 30_000)
    server!.stdout!.on('data', (chunk: Buffer) => {
      const m = /Atrium is open at (http:\/\/\S+)/.exec(chunk.toString())
      if (m?.[1]) {
        clearTimeout(timer)
        resolve(m[1].replace('127.0.0.1', 'localhost'))
      }
    })
    server!.on('exit', (code) => reject(new Error(`server exited with ${code}`)))
  })
  project.provide('baseUrl', url)
}

export async function teardown(): Promise<void> {
  server?.kill('SIGTERM')
}

/**
 * The server under test for the auth benchmark: the real Atrium server (createAtriumServer) in its own process, on
 * SQLite in a fresh temp dir or on the PostgreSQL database named in `start`. Production scrypt cost (the config
 * default); request limits lifted so that the load is not answered with 429.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { sql } from 'kysely'

import { createAtriumServer, type AtriumServer } from '../../server/src/app.ts'
import { isolatedConfig, type ServerConfig } from '../../server/src/config.ts'
import { serve } from '../server/ipc.ts'

export interface ServerInfo {
  pid: number
  port: number
  dialect: string
  /** Database version as the server's own connection reports it. */
  dbVersion: string
  /** Where the data lives (SQLite file or redacted URL). */
  where: string
  scrypt: ServerConfig['scrypt']
  limits: ServerConfig['limits']
  /** libuv thread pool size: how many password hashes can run at once. */
  uvThreadpoolSize: number
}

export interface ServerUsage {
  cpuUserMs: number
  cpuSystemMs: number
  rssMb: number
  /** Peak resident set size of the process so far (MB). */
  maxRssMb: number
}

export type AuthServerApi = {
  start: [{ databaseUrl?: string }, ServerInfo]
  usage: [undefined, ServerUsage]
  close: [undefined, void]
}

/** Far above anything the benchmark sends: the limits are a defence against abuse, not what is measured here. */
const NO_LIMIT = 1_000_000
const MB = 1024 * 1024

const dataDir = mkdtempSync(join(tmpdir(), 'atrium-auth-bench-'))
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }))

let server: AtriumServer | undefined

serve<AuthServerApi>({
  async start({ databaseUrl }) {
    if (server) throw new Error('already started')
    const config = isolatedConfig(dataDir, {
      databaseUrl,
      secret: randomBytes(32).toString('base64url'),
      limits: { loginPerMinute: NO_LIMIT, registerPerHour: NO_LIMIT, writesPerMinute: NO_LIMIT },
    })
    server = await createAtriumServer(config)
    const port = await server.listen()
    const { db, dialect, where } = server.services.db
    const version =
      dialect === 'postgres'
        ? sql<{ v: string }>`select version() as v`
        : sql<{ v: string }>`select sqlite_version() as v`
    const dbVersion = (await version.execute(db)).rows[0]?.v ?? 'unknown'
    return {
      pid: process.pid,
      port,
      dialect,
      dbVersion: dialect === 'sqlite' ? `SQLite ${dbVersion}` : dbVersion.replace(/ on .*$/, ''),
      where,
      scrypt: config.scrypt,
      limits: config.limits,
      uvThreadpoolSize: Number(process.env.UV_THREADPOOL_SIZE) || 4,
    }
  },
  usage() {
    const cpu = process.cpuUsage()
    return {
      cpuUserMs: cpu.user / 1000,
      cpuSystemMs: cpu.system / 1000,
      rssMb: process.memoryUsage().rss / MB,
      // resourceUsage().maxRSS is in kilobytes
      maxRssMb: (process.resourceUsage().maxRSS * 1024) / MB,
    }
  },
  close() {
    // no graceful shutdown: the clients are done and the process (and its temp dir) is disposable
    setImmediate(() => process.exit(0))
  },
})

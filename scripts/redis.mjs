// Starts a throwaway Redis server for the scale-out tests (and for developers: `node scripts/redis.mjs`), using
// Debian's redis-server and installing it with apt-get when allowed. No persistence; stop() removes its folder.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const INSTALL_HINT =
  'redis-server not found: install Debian\'s "redis-server" package (apt-get install redis-server) ' +
  'or put redis-server on PATH (or set REDIS_SERVER to its path).'

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0

function lookup() {
  if (process.env.REDIS_SERVER) return process.env.REDIS_SERVER
  const r = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' })
  return r.status === 0 ? r.stdout.trim() : undefined
}

/** Path of redis-server; with `install`, as root on Debian, installs `redis-server` with apt-get when missing. */
export function findRedisServer({ install = false } = {}) {
  const found = lookup()
  if (found) return found
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
  if (install && isRoot() && hasApt) {
    console.log('\nInstalling Redis for the scale-out tests (apt-get install -y redis-server)…')
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
      execFileSync('apt-get', ['install', '-y', '-qq', 'redis-server'], { stdio: 'inherit', env })
    } catch (e) {
      throw new Error(`${INSTALL_HINT} (apt-get failed: ${e instanceof Error ? e.message : e})`)
    }
  }
  const after = lookup()
  if (after) return after
  throw new Error(INSTALL_HINT)
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

/**
 * Starts redis-server on 127.0.0.1 at a free port without persistence.
 * @returns {Promise<{ url: string, port: number, stop(): Promise<void> }>}
 */
export async function startRedis({ install = false } = {}) {
  const bin = findRedisServer({ install })
  const dir = mkdtempSync(join(tmpdir(), 'atrium-redis-'))
  const port = await freePort()
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir]
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`redis-server did not start in 10 s:\n${log.slice(-2000)}`)),
      10_000,
    )
    const onData = (chunk) => {
      log += chunk.toString()
      if (/Ready to accept connections/.test(log)) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`redis-server exited with ${code}:\n${log.slice(-2000)}`))
    })
  })
  const cleanup = () => {
    child.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  }
  process.once('exit', cleanup)
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      process.removeListener('exit', cleanup)
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const redis = await startRedis({ install: isRoot() })
  console.log(`REDIS_URL=${redis.url}`)
  console.log('Ctrl-C stops it.')
  process.once('SIGINT', () => void redis.stop().then(() => process.exit(0)))
}

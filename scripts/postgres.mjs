// Starts a throwaway PostgreSQL cluster for the server tests (and for developers: `node scripts/postgres.mjs`),
// using Debian's binaries and installing them with apt-get when allowed. Nothing is shared with a system cluster:
// the data, the log and the socket live in one temp dir that stop() removes.
import { execFile, execFileSync, spawnSync } from 'node:child_process'
import {
  accessSync,
  appendFileSync,
  chownSync,
  constants,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statfsSync,
} from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const DEBIAN_ROOT = '/usr/lib/postgresql'
const INSTALL_HINT =
  'PostgreSQL server binaries (initdb, pg_ctl, postgres) not found: install Debian\'s "postgresql" package ' +
  '(apt-get install postgresql) or put a directory holding pg_ctl and initdb on PATH.'

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0

function hasServerBinaries(dir) {
  return ['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(join(dir, b)))
}

function lookup() {
  // Debian installs each major version side by side; the newest one wins.
  if (existsSync(DEBIAN_ROOT)) {
    const versions = readdirSync(DEBIAN_ROOT)
      .filter((v) => /^\d+(\.\d+)?$/.test(v) && hasServerBinaries(join(DEBIAN_ROOT, v, 'bin')))
      .sort((a, b) => Number(b) - Number(a))
    if (versions[0]) return join(DEBIAN_ROOT, versions[0], 'bin')
  }
  const r = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' })
  const onPath = r.status === 0 ? r.stdout.trim() : ''
  if (onPath) {
    const dir = dirname(realpathSync(onPath))
    if (hasServerBinaries(dir)) return dir
  }
  return undefined
}

/**
 * Directory holding PostgreSQL's initdb, pg_ctl and postgres: the newest /usr/lib/postgresql/N/bin, else the
 * directory of pg_ctl on PATH. With `install`, as root on Debian, installs the `postgresql` package when missing.
 * Throws an Error naming what to install when none is found.
 */
export function findPostgresBin({ install = false } = {}) {
  const found = lookup()
  if (found || !install) {
    if (found) return found
    throw new Error(INSTALL_HINT)
  }
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
  if (isRoot() && hasApt) {
    console.log('\nInstalling PostgreSQL for the database tests (apt-get update; apt-get install -y postgresql)…')
    // The package's postinst creates and starts a "main" cluster on 5432; harmless, the tests never use it.
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
      execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'inherit', env })
    } catch (e) {
      throw new Error(`${INSTALL_HINT} (apt-get install postgresql failed: ${e instanceof Error ? e.message : e})`)
    }
  }
  const after = lookup()
  if (after) return after
  throw new Error(INSTALL_HINT)
}

/** The OS user the server runs as: PostgreSQL refuses root, so as root it is `postgres` (or `nobody`). */
function serverUser() {
  if (!isRoot()) return undefined
  for (const name of ['postgres', 'nobody']) {
    const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' })
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' })
    if (uid.status === 0 && gid.status === 0) return { name, uid: Number(uid.stdout), gid: Number(gid.stdout) }
  }
  throw new Error('running as root, but neither a "postgres" nor a "nobody" user exists to run PostgreSQL as')
}

/**
 * Where the cluster lives. A RAM disk when there is a roomy one: on disk, CREATE DATABASE (one per test) takes
 * ~250 ms even with fsync off, on /dev/shm ~20 ms, and initdb halves. Docker's default 64 MB /dev/shm is too small
 * for that, so it needs 1 GiB free. Otherwise /tmp as root (a TMPDIR under /root would be out of the server user's
 * reach), else the usual temp dir.
 */
function baseDir(user) {
  try {
    const fs = statfsSync('/dev/shm')
    accessSync('/dev/shm', constants.W_OK | constants.X_OK)
    if (fs.bavail * fs.bsize >= 2 ** 30) return '/dev/shm'
  } catch {
    // no usable /dev/shm
  }
  return user ? '/tmp' : tmpdir()
}

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer()
    srv.once('error', rej)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      srv.close(() => (addr && typeof addr === 'object' ? res(addr.port) : rej(new Error('no port'))))
    })
  })
}

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
  } catch {
    return '(no server log)'
  }
}

/**
 * Starts a throwaway PostgreSQL cluster on 127.0.0.1 at a free port, with trust authentication and durability off
 * (fsync, synchronous_commit, full_page_writes) for speed. Resolves to `{ url, adminUrl, port, dir, stop }`: `url`
 * is an empty `atrium` database, `adminUrl` the `postgres` database as superuser `postgres`; `stop()` shuts the
 * server down at once and removes its directory. With `install`, see findPostgresBin.
 */
export async function startPostgres({ install = false } = {}) {
  const bin = findPostgresBin({ install })
  const user = serverUser()
  const dir = mkdtempSync(join(baseDir(user), 'atrium-pg-'))
  if (user) chownSync(dir, user.uid, user.gid)
  const data = join(dir, 'data')
  const log = join(dir, 'server.log')
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', LANG: 'C', HOME: dir, TZ: 'UTC' }
  const opts = { cwd: dir, env, ...(user ? { uid: user.uid, gid: user.gid } : {}) }
  const pgCtl = join(bin, 'pg_ctl')
  const steps = []
  const t0 = performance.now()
  const run = (name, args) =>
    new Promise((res, rej) => {
      const t = performance.now()
      execFile(join(bin, name), args, { ...opts, timeout: 120_000 }, (err, stdout, stderr) => {
        steps.push(`${name} ${args[0] ?? ''}: ${Math.round(performance.now() - t)} ms`)
        if (!err) return res(stdout)
        const output = `${stdout}${stderr}`.trim()
        rej(new Error(`${name} ${args.join(' ')} failed: ${err.message}\n${output}\nserver log:\n${tail(log)}`))
      })
    })

  let stopped = false
  const stopSync = () => {
    if (stopped) return
    stopped = true
    spawnSync(pgCtl, ['stop', '-D', data, '-m', 'immediate', '-w'], { ...opts, stdio: 'ignore', timeout: 30_000 })
    rmSync(dir, { recursive: true, force: true })
  }
  // Safety net: never leave a postmaster behind when the process that started it exits without stop().
  process.once('exit', stopSync)

  try {
    await run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'])
    // Settings go into postgresql.conf (later lines win) rather than `pg_ctl -o`, which goes through a shell.
    appendFileSync(
      join(data, 'postgresql.conf'),
      [
        '',
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        // small containers often have a tiny /dev/shm; test queries never need parallel workers
        'max_parallel_workers_per_gather = 0',
        'max_connections = 200',
        // every CREATE DATABASE writes the template (~7 MB) to the WAL; recycle it early to keep RAM/disk use small
        "max_wal_size = '128MB'",
        "min_wal_size = '32MB'",
        '',
      ].join('\n'),
    )
    let port
    for (let attempt = 1; ; attempt++) {
      port = await freePort()
      try {
        await run('pg_ctl', ['start', '-D', data, '-l', log, '-w', '-t', '60', '-o', `-p ${port}`])
        break
      } catch (e) {
        // another process may have taken the port between freePort() and the bind
        if (attempt < 3 && /could not bind|already in use/i.test(tail(log, 10))) continue
        throw e
      }
    }
    await run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'atrium'])
    const base = `postgres://postgres@127.0.0.1:${port}`
    return {
      url: `${base}/atrium`,
      adminUrl: `${base}/postgres`,
      port,
      dir,
      startMs: Math.round(performance.now() - t0),
      stop: async () => {
        if (stopped) return
        stopped = true
        process.removeListener('exit', stopSync)
        await run('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']).catch(() => undefined)
        rmSync(dir, { recursive: true, force: true })
      },
    }
  } catch (e) {
    if (e instanceof Error) e.message += `\nsteps: ${steps.join(', ')} (bin ${bin}, dir ${dir})`
    process.removeListener('exit', stopSync)
    stopSync()
    throw e
  }
}

// CLI: start one and keep it until Ctrl-C.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const pg = await startPostgres({ install: isRoot() })
  console.log(`PostgreSQL ready in ${pg.startMs} ms (data in ${pg.dir})`)
  console.log(`DATABASE_URL=${pg.url}`)
  console.log(`admin: ${pg.adminUrl}`)
  console.log('Ctrl-C stops it and deletes its data.')
  const shutdown = () => pg.stop().then(() => process.exit(0))
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
  // keep the event loop alive until a signal arrives
  setInterval(() => {}, 1 << 30)
}

// Finds (or builds with Go) the LiveKit media server and runs it on loopback with a generated config: for `npm start`,
// for the media tests, and for developers (`node scripts/livekit.mjs`, or `--install` to only find or build it).
// The binary lives in tools/bin (gitignored); it is never committed.
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createSocket } from 'node:dgram'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** The release built from source; later tags replace modules in go.mod, which `go install mod@ver` refuses. */
export const LIVEKIT_VERSION = 'v1.13.5'
/** Where a project-local build goes. */
export const TOOLS_BIN = join(root, 'tools/bin')
const GO_PACKAGE = `github.com/livekit/livekit-server/cmd/server@${LIVEKIT_VERSION}`
const BUILD_LINE = `GOBIN=${TOOLS_BIN} GOTOOLCHAIN=local CGO_ENABLED=0 go install ${GO_PACKAGE}`

export const INSTALL_HINT =
  `livekit-server not found (looked at $LIVEKIT_SERVER, on PATH and in ${TOOLS_BIN}). No npm or Debian package ` +
  `ships it. Install Go 1.26 or newer (https://go.dev/dl/) and build it once:\n  ${BUILD_LINE}\n  mv ` +
  `${join(TOOLS_BIN, 'server')} ${join(TOOLS_BIN, 'livekit-server')}\n(or run \`node scripts/livekit.mjs --install\`), ` +
  'or put a livekit-server binary on PATH or set LIVEKIT_SERVER to its path.'

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name)
  }
  return undefined
}

function lookup() {
  if (process.env.LIVEKIT_SERVER) return existsSync(process.env.LIVEKIT_SERVER) ? process.env.LIVEKIT_SERVER : undefined
  return (
    onPath('livekit-server') ??
    (existsSync(join(TOOLS_BIN, 'livekit-server')) ? join(TOOLS_BIN, 'livekit-server') : undefined)
  )
}

/** Builds livekit-server into tools/bin with Go; throws with Go's output when the build fails. */
function build(go) {
  console.log(`\nBuilding livekit-server ${LIVEKIT_VERSION} with Go into ${TOOLS_BIN} (once; about two minutes)…`)
  mkdirSync(TOOLS_BIN, { recursive: true })
  const env = { ...process.env, GOBIN: TOOLS_BIN, GOTOOLCHAIN: 'local', CGO_ENABLED: '0' }
  const r = spawnSync(go, ['install', GO_PACKAGE], { env, encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] })
  if (r.status !== 0) {
    throw new Error(
      `building livekit-server failed (${BUILD_LINE}):\n${(r.stderr ?? '').slice(-3000)}\n${INSTALL_HINT}`,
    )
  }
  // go names the binary after the package directory, cmd/server
  renameSync(join(TOOLS_BIN, 'server'), join(TOOLS_BIN, 'livekit-server'))
  return join(TOOLS_BIN, 'livekit-server')
}

/**
 * Path of livekit-server: $LIVEKIT_SERVER, else on PATH, else tools/bin. With `build`, builds it with Go when Go is
 * available. Throws an Error saying exactly how to install it when none is found.
 */
export function findLivekitServer({ build: allowBuild = false } = {}) {
  const found = lookup()
  if (found) return found
  const go = onPath('go')
  if (allowBuild && go) return build(go)
  throw new Error(INSTALL_HINT)
}

/**
 * Development API key and secret, generated once and kept in `dataDir` (like the dev session secret). The server
 * reads the same file when LIVEKIT_API_KEY / LIVEKIT_API_SECRET are unset outside production.
 */
export function resolveDevKeys(dataDir) {
  const file = join(dataDir, 'livekit-dev-keys.json')
  try {
    const keys = JSON.parse(readFileSync(file, 'utf8'))
    if (typeof keys.apiKey === 'string' && typeof keys.apiSecret === 'string') return keys
  } catch {
    // missing or unreadable: make new ones
  }
  mkdirSync(dataDir, { recursive: true })
  const keys = { apiKey: `dev_${randomBytes(6).toString('hex')}`, apiSecret: randomBytes(32).toString('base64url') }
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 })
  return keys
}

function freeTcpPort() {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

function freeUdpPort() {
  return new Promise((resolve, reject) => {
    const sock = createSocket('udp4')
    sock.once('error', reject)
    sock.bind(0, '127.0.0.1', () => {
      const { port } = sock.address()
      sock.close(() => resolve(port))
    })
  })
}

/** A loopback-only livekit-server config (livekit-server takes JSON as YAML). Port 0 is not supported: pick ports. */
export function livekitConfig({ port, tcpPort, udpPort, apiKey, apiSecret, webhookUrl, logLevel = 'warn' }) {
  return {
    port,
    bind_addresses: ['127.0.0.1'],
    keys: { [apiKey]: apiSecret },
    rtc: {
      tcp_port: tcpPort,
      udp_port: udpPort,
      // never ask a STUN server for a public address; advertise loopback as the host candidate
      use_external_ip: false,
      node_ip: '127.0.0.1',
      enable_loopback_candidate: true,
    },
    turn: { enabled: false },
    logging: { level: logLevel },
    ...(webhookUrl && { webhook: { api_key: apiKey, urls: [webhookUrl] } }),
  }
}

async function waitReady(httpUrl, child, logTail, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`livekit-server exited with ${child.exitCode}:\n${logTail()}`)
    try {
      const res = await fetch(httpUrl, { signal: AbortSignal.timeout(500) })
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`livekit-server did not answer on ${httpUrl} within ${timeoutMs / 1000} s:\n${logTail()}`)
}

/**
 * Starts livekit-server on 127.0.0.1 at free ports with the given keys and an optional webhook URL.
 * `onLog` receives its output lines (default: kept for error messages only).
 * @returns {Promise<import('./livekit.d.mts').RunningLivekit>}
 */
export async function startLivekit({ build: allowBuild = false, apiKey, apiSecret, webhookUrl, onLog, logLevel } = {}) {
  const bin = findLivekitServer({ build: allowBuild })
  const keys =
    apiKey && apiSecret ? { apiKey, apiSecret } : { apiKey: 'test_key', apiSecret: randomBytes(32).toString('hex') }
  const [port, tcpPort, udpPort] = [await freeTcpPort(), await freeTcpPort(), await freeUdpPort()]
  const dir = mkdtempSync(join(tmpdir(), 'atrium-livekit-'))
  const configFile = join(dir, 'livekit.yaml')
  const config = livekitConfig({ port, tcpPort, udpPort, ...keys, webhookUrl, logLevel })
  writeFileSync(configFile, JSON.stringify(config, null, 2), { mode: 0o600 })
  chmodSync(configFile, 0o600)
  const child = spawn(bin, ['--config', configFile], { stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  const onData = (chunk) => {
    const text = chunk.toString()
    log = (log + text).slice(-8000)
    if (onLog) for (const line of text.split('\n')) if (line.trim()) onLog(line)
  }
  child.stdout.on('data', onData)
  child.stderr.on('data', onData)
  const cleanup = () => {
    child.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  }
  process.once('exit', cleanup)
  const httpUrl = `http://127.0.0.1:${port}`
  try {
    await waitReady(httpUrl, child, () => log.slice(-2000), 15_000)
  } catch (e) {
    process.removeListener('exit', cleanup)
    cleanup()
    throw e
  }
  return {
    url: `ws://127.0.0.1:${port}`,
    httpUrl,
    port,
    ...keys,
    bin,
    pid: child.pid,
    log: () => log,
    async stop() {
      process.removeListener('exit', cleanup)
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
        await exited
        clearTimeout(timer)
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--install')) {
    try {
      console.log(findLivekitServer({ build: true }))
    } catch (e) {
      console.error(e instanceof Error ? e.message : e)
      process.exit(1)
    }
  } else {
    const keys = resolveDevKeys(process.env.ATRIUM_DATA_DIR ?? join(root, 'data'))
    const lk = await startLivekit({ build: true, ...keys, onLog: (line) => console.log(`[livekit] ${line}`) })
    console.log(`ATRIUM_LIVEKIT_URL=${lk.url}  (API key ${lk.apiKey}; secret in data/livekit-dev-keys.json)`)
    console.log('Ctrl-C stops it.')
    process.once('SIGINT', () => void lk.stop().then(() => process.exit(0)))
  }
}

// `npm start`: builds the client, then serves it and the branch server on one port with embedded
// defaults, with a loopback LiveKit media server for voice and video when one is found or can be built.
// `npm run dev` skips the build and runs Vite's dev server beside the branch server.
import { spawn, spawnSync } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import { resolveDevKeys, startLivekit } from './livekit.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dev = process.argv.includes('--dev')
const bin = (name) => join(root, 'node_modules/.bin', name)

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

run(process.execPath, [join(root, 'scripts/copy-xr-profiles.mjs')])
run(process.execPath, [join(root, 'scripts/copy-pdfjs-assets.mjs')])
if (!dev) run(bin('vite'), ['build', '--logLevel', 'warn'])

/**
 * Starts livekit-server on loopback unless a LiveKit URL is configured already (or ATRIUM_LIVEKIT=0): development
 * keys from the data folder, or LIVEKIT_API_KEY / LIVEKIT_API_SECRET in production. Without it the branch runs and
 * the client says voice and video are unavailable.
 */
async function startMedia(env) {
  if (env.ATRIUM_LIVEKIT_URL || env.ATRIUM_LIVEKIT === '0') return undefined
  let keys = env.LIVEKIT_API_KEY &&
    env.LIVEKIT_API_SECRET && { apiKey: env.LIVEKIT_API_KEY, apiSecret: env.LIVEKIT_API_SECRET }
  if (!keys && env.NODE_ENV === 'production') {
    console.warn('Voice and video are off: set LIVEKIT_API_KEY and LIVEKIT_API_SECRET to start LiveKit in production.')
    return undefined
  }
  keys ??= resolveDevKeys(resolve(root, env.ATRIUM_DATA_DIR ?? 'data'))
  try {
    const lk = await startLivekit({
      build: true,
      ...keys,
      webhookUrl: `http://127.0.0.1:${env.PORT || 2567}/api/media/webhook`,
      onLog: (line) => console.log(`[livekit] ${line}`),
    })
    Object.assign(env, { ATRIUM_LIVEKIT_URL: lk.url, LIVEKIT_API_KEY: keys.apiKey, LIVEKIT_API_SECRET: keys.apiSecret })
    console.log(`LiveKit media server on ${lk.url}`)
    return lk
  } catch (e) {
    console.warn(`\nVoice and video are off: ${e instanceof Error ? e.message : e}\n`)
    return undefined
  }
}

const env = { ...process.env }
if (!dev) env.ATRIUM_STATIC_DIR ??= join(root, 'dist/client')
const media = await startMedia(env)
const children = [
  spawn(process.execPath, ['--import', 'tsx', join(root, 'server/src/index.ts')], { cwd: root, env, stdio: 'inherit' }),
]
if (dev) children.push(spawn(bin('vite'), [], { cwd: root, stdio: 'inherit' }))

const stop = () => {
  children.forEach((c) => c.kill('SIGTERM'))
  void media?.stop()
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
for (const c of children)
  c.on('exit', (code) => {
    stop()
    process.exitCode = code ?? 0
  })

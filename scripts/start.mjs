// `npm start`: builds the client, then serves it and the branch server on one port with embedded
// defaults. `npm run dev` skips the build and runs Vite's dev server beside the branch server.
import { spawn, spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dev = process.argv.includes('--dev')
const bin = (name) => join(root, 'node_modules/.bin', name)

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

run(process.execPath, [join(root, 'scripts/copy-xr-profiles.mjs')])
if (!dev) run(bin('vite'), ['build', '--logLevel', 'warn'])

const env = { ...process.env }
if (!dev) env.ATRIUM_STATIC_DIR ??= join(root, 'dist/client')
const children = [
  spawn(process.execPath, ['--import', 'tsx', join(root, 'server/src/index.ts')], { cwd: root, env, stdio: 'inherit' }),
]
if (dev) children.push(spawn(bin('vite'), [], { cwd: root, stdio: 'inherit' }))

const stop = () => children.forEach((c) => c.kill('SIGTERM'))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
for (const c of children)
  c.on('exit', (code) => {
    stop()
    process.exitCode = code ?? 0
  })

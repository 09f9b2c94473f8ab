// Finds Debian's Chromium for browser tests, installing it with apt-get when allowed and possible.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const CANDIDATES = ['/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser']

/** Path of a Chromium binary, or undefined. With `install`, tries `apt-get install chromium` as root. */
export function findChromium({ install = false } = {}) {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv && existsSync(fromEnv)) return fromEnv
  const found = CANDIDATES.find((p) => existsSync(p))
  if (found || !install) return found
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
  if (!isRoot || !hasApt) return undefined
  console.log('\nInstalling Debian Chromium for the browser tests (apt-get install chromium fonts-noto-cjk)…')
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], { stdio: 'inherit', env })
  } catch {
    return undefined
  }
  return CANDIDATES.find((p) => existsSync(p))
}

// Finds a Python interpreter that can `import numpy` for the finance reference test and benchmark,
// installing numpy when allowed: Debian's python3-numpy as root with apt-get, else pip --user.
import { execFileSync, spawnSync } from 'node:child_process'

const CANDIDATES = ['python3', '/usr/bin/python3']

function hasNumpy(python) {
  const r = spawnSync(python, ['-c', 'import numpy'], { stdio: 'ignore', timeout: 60_000 })
  return r.status === 0
}

function tryInstall(cmd, args) {
  console.log(`\nInstalling numpy for the finance reference: ${cmd} ${args.join(' ')}`)
  try {
    execFileSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
    return true
  } catch {
    return false
  }
}

/**
 * Path or command name of a Python that can `import numpy`, or undefined. `PYTHON` in the environment is
 * tried first. With `install`, installs numpy: `apt-get install python3-numpy` as root on Debian (for
 * /usr/bin/python3), else `pip install --user numpy` for the first Python found.
 */
export function findNumpyPython({ install = false } = {}) {
  const candidates = process.env.PYTHON ? [process.env.PYTHON, ...CANDIDATES] : CANDIDATES
  const found = candidates.find(hasNumpy)
  if (found || !install) return found
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
  if (isRoot && hasApt) {
    if (tryInstall('apt-get', ['update', '-qq']) && tryInstall('apt-get', ['install', '-y', '-qq', 'python3-numpy'])) {
      if (hasNumpy('/usr/bin/python3')) return '/usr/bin/python3'
    }
  }
  for (const python of candidates) {
    const exists = spawnSync(python, ['--version'], { stdio: 'ignore' }).status === 0
    if (exists && tryInstall(python, ['-m', 'pip', 'install', '--user', '--quiet', 'numpy']) && hasNumpy(python)) {
      return python
    }
  }
  return undefined
}

// `npm test`: every check and suite in one run, ending with one line "N passed, N failed".
// Checks (format, lint, types, build) count one each; test suites count their tests.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { findChromium } from './chromium.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules/.bin', name)
const out = join(root, 'test-results')
rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })

const rows = []
let passed = 0
let failed = 0

function run(cmd, args, env = {}) {
  console.log(`\n$ ${[cmd.replace(root + '/', ''), ...args].join(' ')}`)
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status === 0
}

function check(name, ok) {
  rows.push([name, ok ? 1 : 0, ok ? 0 : 1])
  if (ok) passed++
  else failed++
}

function suite(name, config, jsonName, env) {
  const json = join(out, jsonName)
  const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${json}`]
  if (config) args.push('--config', config)
  const ok = run(bin('vitest'), args, env)
  if (!existsSync(json)) return check(`${name} (did not run)`, false)
  const r = JSON.parse(readFileSync(json, 'utf8'))
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0)
  // a skipped test is not a pass: count it as a failure so it cannot hide
  const f = r.numFailedTests + skipped + (ok || r.numFailedTests > 0 ? 0 : 1)
  rows.push([name, r.numPassedTests, f])
  passed += r.numPassedTests
  failed += f
}

check('format (prettier)', run(bin('prettier'), ['--check', '.', '--log-level', 'warn']))
check('lint (eslint)', run(bin('eslint'), ['.', '--max-warnings', '0']))
for (const p of ['tsconfig.json', 'common', 'server', 'client']) check(`types (${p})`, run(bin('tsc'), ['-p', p]))
suite('unit + integration', undefined, 'unit.json')
const built =
  run(process.execPath, [join(root, 'scripts/copy-xr-profiles.mjs')]) &&
  run(process.execPath, [join(root, 'scripts/copy-pdfjs-assets.mjs')]) &&
  run(bin('vite'), ['build', '--logLevel', 'warn'])
check('client build', built)
const chromium = findChromium({ install: true })
if (!chromium) {
  console.error(
    '\nBrowser tests need Chromium: install Debian\'s "chromium" package (apt-get install chromium) or set CHROMIUM_PATH.',
  )
  check('browser tests (Chromium missing)', false)
} else if (!built) {
  check('browser tests (no client build)', false)
} else {
  suite('browser (Chromium)', 'e2e/vitest.config.ts', 'e2e.json', { CHROMIUM_PATH: chromium })
}

console.log('\n' + ['suite'.padEnd(28), 'passed'.padStart(7), 'failed'.padStart(7)].join(''))
for (const [n, p, f] of rows) console.log([n.padEnd(28), String(p).padStart(7), String(f).padStart(7)].join(''))
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)

// `npm run bench`: the server load benchmark, then the client rendering benchmark.
// Each prints a table and writes JSON under bench/results/; a missed bar makes the run fail.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const quick = process.argv.includes('--quick') ? ['--quick'] : []
const tsx = join(root, 'node_modules/.bin/tsx')

let failed = 0
for (const script of ['bench/server/run.ts', 'bench/client/run.ts', 'bench/finance/run.ts']) {
  const r = spawnSync(tsx, [join(root, script), ...quick], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) failed++
}
process.exit(failed === 0 ? 0 : 1)

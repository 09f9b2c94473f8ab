// `npm run bench`: the server load benchmark, the client rendering benchmark, the finance benchmark, the auth
// benchmark, the host knowledge-engine benchmark, the media (voice join latency) benchmark, then the events
// (auditorium) benchmark, then the advisor queue benchmark. Each prints a table and writes JSON under bench/results/;
// a missed bar makes the run fail.
// `npm run bench -- --only auth` runs just the named one(s) (comma-separated: server, client, finance, auth, host,
// media, events, advisors).
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const quick = process.argv.includes('--quick') ? ['--quick'] : []
const tsx = join(root, 'node_modules/.bin/tsx')

const BENCHES = ['server', 'client', 'finance', 'auth', 'host', 'media', 'events', 'advisors']
const onlyAt = process.argv.indexOf('--only')
const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '').split(',').filter(Boolean) : BENCHES
const unknown = only.filter((name) => !BENCHES.includes(name))
if (only.length === 0 || unknown.length > 0) {
  console.error(`--only takes one or more of ${BENCHES.join(', ')} (comma-separated); got "${unknown.join(',')}"`)
  process.exit(2)
}

let failed = 0
for (const name of BENCHES.filter((b) => only.includes(b))) {
  const r = spawnSync(tsx, [join(root, `bench/${name}/run.ts`), ...quick], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) failed++
}
process.exit(failed === 0 ? 0 : 1)

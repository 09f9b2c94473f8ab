/**
 * One Node process that only runs the finance benchmark plan, so its peak memory is the engine's plus Node's own.
 * `node --import tsx bench/finance/nodeChild.ts <paths> <repeats>`; prints one JSON line.
 */
// the engine alone, as a worker would load it (the package index also pulls in the room schema)
import { DEFAULT_ASSUMPTIONS, simulate } from '@atrium/common/finance'

import { BENCH_PLAN, BENCH_SEED } from './plan.ts'

const paths = Number(process.argv[2])
const repeats = Number(process.argv[3])

const rssBefore = process.memoryUsage().rss
let peakRss = rssBefore
let peakHeap = 0
const sample = () => {
  const m = process.memoryUsage()
  peakRss = Math.max(peakRss, m.rss)
  peakHeap = Math.max(peakHeap, m.heapUsed + m.arrayBuffers)
}

const runsMs: number[] = []
let terminalP50 = NaN
for (let r = 0; r < repeats; r++) {
  const t0 = performance.now()
  const result = simulate(BENCH_PLAN, DEFAULT_ASSUMPTIONS, { seed: BENCH_SEED, paths, onProgress: sample })
  runsMs.push(performance.now() - t0)
  sample()
  terminalP50 = result.terminal.percentiles.p50
}

process.stdout.write(
  JSON.stringify({
    runsMs,
    rssBeforeBytes: rssBefore,
    peakRssSampledBytes: peakRss,
    peakHeapBytes: peakHeap,
    // resourceUsage().maxRSS is in KiB and covers the whole life of the process
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    terminalP50,
  }) + '\n',
)

/**
 * Finance benchmark: `npx tsx bench/finance/run.ts [--quick]`.
 *
 * Runs the Monte Carlo engine on the plan (plan.ts) in a dedicated Node child process (one thread; run time
 * and peak memory), in the wealth-sandbox Web Worker of the built client in headless Chromium (browserWorker.ts),
 * and the numpy reference (common/test/finance/reference.py) on the same plan in the same run, alternating them so
 * a busy machine affects all alike. Prints a table with the time ratios, writes
 * bench/results/finance-<timestamp>.json and finance-latest.json, and exits non-zero when a bar fails (the bars
 * are Node's; the browser worker is reported without one).
 */
import { spawnSync } from 'node:child_process'
import { cpus, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'

import { DEFAULT_ASSUMPTIONS } from '@atrium/common'

import { runReference, toReferencePlan } from '../../common/test/finance/reference.ts'
import { findNumpyPython } from '../../scripts/python.mjs'
import { writeResults } from '../writeResults.ts'
import { startBrowserWorker, type BrowserWorkerRun } from './browserWorker.ts'
import { BARS, BENCH_PATHS, BENCH_PLAN, BENCH_SEED, QUICK_PATHS } from './plan.ts'

const quick = process.argv.includes('--quick')
const paths = quick ? QUICK_PATHS : BENCH_PATHS
/** Rounds alternate Node and numpy; each round runs the plan `repeats` times in one process (the first is cold). */
const rounds = quick ? 1 : 3
const repeats = quick ? 2 : 3
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const log = (line: string): void => void process.stderr.write(line + '\n')

/** One measured runner (same plan, seed and paths from plan.ts). */
export interface Measurement {
  name: string
  runsMs: number[]
  peakBytes?: number
  terminalP50?: number
}

interface NodeChildOutput {
  runsMs: number[]
  rssBeforeBytes: number
  peakRssSampledBytes: number
  peakHeapBytes: number
  maxRssBytes: number
  terminalP50: number
}

function runNodeChild(): NodeChildOutput {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'bench/finance/nodeChild.ts', String(paths), String(repeats)],
    {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  if (r.status !== 0) throw new Error(`Node benchmark child failed with status ${r.status}`)
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as NodeChildOutput
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}
const maxOrUndefined = (xs: (number | null)[]): number | undefined => {
  const known = xs.filter((x): x is number => x !== null)
  return known.length ? Math.max(...known) : undefined
}
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`
const ms = (x: number): string => `${x.toFixed(0)} ms`

async function main(): Promise<number> {
  const python = findNumpyPython({ install: true })
  if (!python) {
    log(
      "numpy is required for the reference: install Debian's python3-numpy (apt-get install python3-numpy) or pip install numpy",
    )
    return 1
  }
  const plan = toReferencePlan('bench', BENCH_PLAN, DEFAULT_ASSUMPTIONS, BENCH_SEED, paths)
  const node: NodeChildOutput[] = []
  const worker = await startBrowserWorker(paths, log)
  const browser: BrowserWorkerRun[][] = []
  const numpy: { runsMs: number[]; peakRssBytes: number; version: string; terminalP50: number }[] = []
  const load = [loadavg()[0]!]
  try {
    for (let round = 0; round < rounds; round++) {
      log(`round ${round + 1}/${rounds}: Node (${repeats} runs of ${paths} paths) …`)
      node.push(runNodeChild())
      log(`round ${round + 1}/${rounds}: numpy (${repeats} runs) …`)
      const ref = await runReference(
        python,
        Array.from({ length: repeats }, () => plan),
      )
      const last = ref.results[ref.results.length - 1]!
      numpy.push({
        runsMs: ref.results.map((x) => x.seconds * 1000),
        peakRssBytes: ref.peakRssBytes,
        version: ref.numpy,
        terminalP50: last.percentiles.p50![last.percentiles.p50!.length - 1]!,
      })
      log(`round ${round + 1}/${rounds}: browser worker (${repeats} runs) …`)
      browser.push(await worker.runs(repeats))
      load.push(loadavg()[0]!)
    }
  } finally {
    await worker.close()
  }

  const measurements: Measurement[] = [
    {
      name: 'Node (1 thread)',
      runsMs: node.flatMap((n) => n.runsMs),
      peakBytes: Math.max(...node.map((n) => n.maxRssBytes)),
      terminalP50: node[0]!.terminalP50,
    },
    {
      name: 'browser worker (Chromium)',
      runsMs: browser.flat().map((b) => b.ms),
      // the rise over the page's own level: the renderer also holds the whole client (three.js, the scene code)
      peakBytes: maxOrUndefined(
        browser
          .flat()
          .map((b) =>
            b.peakRssBytes === null || b.rssBeforeBytes === null ? null : b.peakRssBytes - b.rssBeforeBytes,
          ),
      ),
      terminalP50: browser[0]![0]!.terminalP50,
    },
    {
      name: `numpy ${numpy[0]!.version}`,
      runsMs: numpy.flatMap((n) => n.runsMs),
      peakBytes: Math.max(...numpy.map((n) => n.peakRssBytes)),
      terminalP50: numpy[0]!.terminalP50,
    },
  ]
  const [nodeM, browserM, numpyM] = measurements as [Measurement, Measurement, Measurement]
  const ratio = median(nodeM.runsMs) / median(numpyM.runsMs)
  const browserRatio = median(browserM.runsMs) / median(numpyM.runsMs)
  const browserPerRound = browser.map((b, i) => median(b.map((x) => x.ms)) / median(numpy[i]!.runsMs))
  const hashes = new Set(browser.flat().map((b) => b.hash))
  const sameAsNode = browserM.terminalP50 === nodeM.terminalP50 && hashes.size === 1
  const rssBefore = browser.flat().map((b) => b.rssBeforeBytes)
  const perRound = node.map((n, i) => median(n.runsMs) / median(numpy[i]!.runsMs))
  const peak = nodeM.peakBytes!
  const bars = [
    {
      name: `Node time <= ${BARS.maxRatioToNumpy}x numpy (median of runs)`,
      pass: ratio <= BARS.maxRatioToNumpy,
      value: ratio,
    },
    { name: `Node peak RSS <= ${mb(BARS.maxPeakRssBytes)}`, pass: peak <= BARS.maxPeakRssBytes, value: peak },
  ]

  console.log(
    `\nFinance benchmark: ${paths} paths × ${BENCH_PLAN.horizonMonths} months × 8 assets, monthly rebalancing` +
      (quick ? ' (--quick: a smoke run, not a measurement)' : ''),
  )
  console.table(
    Object.fromEntries(
      measurements.map((m) => [
        m.name,
        {
          median: ms(median(m.runsMs)),
          best: ms(Math.min(...m.runsMs)),
          runs: m.runsMs.map((x) => x.toFixed(0)).join(' '),
          'peak RSS': m.peakBytes === undefined ? 'n/a' : mb(m.peakBytes),
          'terminal p50': m.terminalP50?.toFixed(0) ?? '-',
        },
      ]),
    ),
  )
  console.log(
    `ratio Node / numpy (medians): ${ratio.toFixed(2)}x; per round: ${perRound.map((x) => x.toFixed(2)).join(', ')}`,
  )
  console.log(
    `Node child: RSS before the run ${mb(node[0]!.rssBeforeBytes)}, peak heap + array buffers ` +
      `${mb(Math.max(...node.map((n) => n.peakHeapBytes)))}; load average ${load.map((x) => x.toFixed(2)).join(' → ')} ` +
      `on ${cpus().length} CPUs`,
  )
  console.log(
    `ratio browser worker / numpy (medians): ${browserRatio.toFixed(2)}x; per round: ` +
      `${browserPerRound.map((x) => x.toFixed(2)).join(', ')}; vs Node: ` +
      `${(median(browserM.runsMs) / median(nodeM.runsMs)).toFixed(2)}x`,
  )
  console.log(
    `browser worker: peak RSS is the rise of Chromium's renderer RSS (page and worker share it) during a job over ` +
      `its level before (${rssBefore[0] == null ? 'n/a' : mb(rssBefore[0])} at the first job); main-thread frames during the jobs: longest gap ` +
      `${Math.max(...browser.flat().map((b) => b.maxFrameGapMs)).toFixed(0)} ms; result ` +
      `${sameAsNode ? 'identical to Node (terminal p50, one hash over every run)' : 'DIFFERS from Node'}`,
  )
  for (const b of bars) console.log(`${b.pass ? 'PASS' : 'FAIL'}  ${b.name}`)

  const stamp = new Date().toISOString()
  const report = {
    timestamp: stamp,
    quick,
    plan: { paths, months: BENCH_PLAN.horizonMonths, assets: 8, rebalancing: 'monthly', seed: BENCH_SEED },
    measurements: measurements.map((m) => ({ ...m, medianMs: median(m.runsMs) })),
    node: node.map(({ runsMs, ...rest }) => ({ runsMs, ...rest })),
    ratio,
    ratioPerRound: perRound,
    browserWorker: {
      ratioToNumpy: browserRatio,
      ratioPerRound: browserPerRound,
      sameResultAsNode: sameAsNode,
      peakMemory:
        'rise of the Chromium renderer RSS (page and worker together, sampled every 20 ms) during a job over its level before',
      runs: browser,
    },
    loadAverage: load,
    cpus: cpus().length,
    bars,
  }
  writeResults('finance', report, new Date(stamp))
  return bars.every((b) => b.pass) ? 0 : 1
}

process.exitCode = await main()

/**
 * Server benchmark: `npx tsx bench/server/run.ts [--quick]`.
 *
 * Each scenario starts a fresh Atrium server in its own process and drives it from separate load
 * processes of headless clients walking at 20 Hz. Prints a table to stdout (progress goes to
 * stderr), writes bench/results/server-<timestamp>.json and server-latest.json, and exits non-zero
 * when a bar or a check fails.
 */
import { cpus, totalmem } from 'node:os'

import { DEFAULT_MAX_CLIENTS } from '@atrium/common'

import { runBench } from '../runBench.ts'
import { writeResults } from '../writeResults.ts'
import { killAll } from './ipc.ts'
import { computeMetrics, loadCheck, sampleCheck } from './metrics.ts'
import { references } from './references.ts'
import { evaluateBars, formatReport } from './report.ts'
import { runScenario, type ScenarioRun, type ScenarioSpec } from './scenario.ts'

const quick = process.argv.includes('--quick')
/** `--only <text>` runs just the scenarios whose name contains the text (for profiling one shape). */
const onlyAt = process.argv.indexOf('--only')
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined

/**
 * Full: about four minutes on two cores, every scenario with a 60 s steady phase (the 1000-client
 * one included). Quick: the same shapes, smaller, with 10 s phases; a smoke test, not a measurement.
 */
function scenarios(): ScenarioSpec[] {
  const steadyS = quick ? 10 : 60
  // everyone joins at the spawn point: the warm-up lets the crowd disperse so the phase measures a steady state
  const warmupS = quick ? 3 : 15
  const crowded = '--quick: 3 s warm-up, the crowd is still near the spawn point, so downstream reads high'
  const note = quick ? crowded : undefined
  const base = { steadyS, warmupS, note, samplesPerRoom: 2, clientsPerRoom: DEFAULT_MAX_CLIENTS, loadProcesses: 1 }
  const manyRooms = quick ? 3 : 10
  return [
    { ...base, name: '50 in 1 room', rooms: 1, clientsPerRoom: 50 },
    { ...base, name: '100 in 1 room', rooms: 1 },
    {
      ...base,
      name: `${manyRooms * DEFAULT_MAX_CLIENTS} in ${manyRooms} rooms`,
      rooms: manyRooms,
      loadProcesses: 2,
      note: quick ? `${crowded}; ${manyRooms} rooms instead of 10, so the 1000-client bar is skipped` : undefined,
    },
  ]
}

const log = (line: string): void => void process.stderr.write(line + '\n')

function onSignal(signal: NodeJS.Signals): void {
  log(`\n${signal}: stopping child processes`)
  killAll()
  process.exit(130)
}

async function main(): Promise<number> {
  process.on('exit', killAll)
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  const started = new Date()
  const runs: ScenarioRun[] = []
  for (const spec of scenarios().filter((s) => !only || s.name.includes(only))) {
    log(`scenario "${spec.name}"`)
    runs.push(await runScenario(spec, log))
  }
  const metrics = runs.map(computeMetrics)
  const refs = references(DEFAULT_MAX_CLIENTS)
  const checks = [sampleCheck(runs), loadCheck(runs)]
  const bars = evaluateBars(metrics)
  const pass = [...checks, ...bars].every((c) => c.pass)

  process.stdout.write(formatReport(metrics, refs, checks, bars) + '\n')
  const result = {
    kind: 'server',
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    quick,
    host: { node: process.version, platform: process.platform, cpus: cpus().length, memoryGb: totalmem() / 2 ** 30 },
    pass,
    bars,
    checks,
    references: refs,
    // per-client byte rates are summarized in `metrics`; dropping the raw lists keeps the file small
    scenarios: runs.map((r, i) => ({
      ...r,
      metrics: metrics[i],
      loads: r.loads.map(({ perClientBytesPerS: _, ...rest }) => rest),
    })),
  }
  const file = writeResults('server', result, started)
  log(`\nwrote ${file}`)
  return pass ? 0 : 1
}

runBench('server', main, killAll)

/** Runs one load scenario: a fresh server process, load processes, a warm-up, then one measured steady phase. */
import { cpus } from 'node:os'

import { NET } from '@atrium/common'

import { Child, sleep } from './ipc.ts'
import type { LoadApi } from './loadProcess.ts'
import type { ServerApi } from './serverProcess.ts'
import type { GroupPlan, LoadPhase, ServerPhase } from './types.ts'

export interface ScenarioSpec {
  name: string
  rooms: number
  clientsPerRoom: number
  steadyS: number
  warmupS: number
  loadProcesses: number
  samplesPerRoom: number
  /** Printed beside the results (e.g. a shortened phase). */
  note?: string
}

export interface ScenarioRun {
  spec: ScenarioSpec
  joinS: number
  server: ServerPhase
  /** Load-process reports, one per process. */
  loads: LoadPhase[]
  /** CPU the whole machine was busy for during the phase (cores), whoever used it. */
  machineBusyCores: number
}

/** Joins in flight per load process: enough to join 1000 clients quickly, few enough not to starve the server. */
const JOIN_CONCURRENCY = 8

/** Busy CPU time of all cores since boot (ms), to spot other programs competing for the machine. */
function machineBusyMs(): number {
  return cpus().reduce((sum, c) => sum + c.times.user + c.times.nice + c.times.sys + c.times.irq, 0)
}

/** Sample positions spread through each room's join order. */
function sampleIndices(n: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => Math.round(((k + 1) * n) / (count + 1)))
}

export async function runScenario(spec: ScenarioSpec, log: (line: string) => void): Promise<ScenarioRun> {
  const server = await Child.start<ServerApi>('server', './serverProcess.ts', true, 0)
  const loaders: Child<LoadApi>[] = []
  try {
    const { port } = await server.call('start', undefined)
    const total = spec.rooms * spec.clientsPerRoom
    const tokens = await server.call('mint', total, 120_000)
    const groups: GroupPlan[] = Array.from({ length: spec.rooms }, (_, r) => ({
      tokens: tokens.slice(r * spec.clientsPerRoom, (r + 1) * spec.clientsPerRoom),
      samples: sampleIndices(spec.clientsPerRoom, spec.samplesPerRoom),
    }))
    for (let i = 0; i < spec.loadProcesses; i++) {
      loaders.push(await Child.start<LoadApi>(`load${i}`, './loadProcess.ts', false, 1))
    }

    const pinned = server.pinned && loaders.every((l) => l.pinned)
    log(pinned ? '  server pinned to CPU 0, load processes to CPU 1' : '  processes not pinned to CPUs')
    log(`  joining ${total} clients in ${spec.rooms} room(s) from ${loaders.length} load process(es)…`)
    const t0 = performance.now()
    await Promise.all(
      loaders.map((l, i) =>
        l.call(
          'join',
          {
            port,
            groups: groups.filter((_, g) => g % loaders.length === i),
            concurrency: JOIN_CONCURRENCY,
            poseHz: NET.clientPoseHz,
            seed: i + 1,
          },
          300_000,
        ),
      ),
    )
    const joinS = (performance.now() - t0) / 1000
    log(`  joined in ${joinS.toFixed(1)} s; warming up ${spec.warmupS} s, then measuring ${spec.steadyS} s`)
    await sleep(spec.warmupS * 1000)

    await Promise.all([server.call('phaseStart', undefined), ...loaders.map((l) => l.call('phaseStart', undefined))])
    const busy0 = machineBusyMs()
    const t1 = performance.now()
    await sleep(spec.steadyS * 1000)
    const machineBusyCores = (machineBusyMs() - busy0) / (performance.now() - t1)
    const [serverPhase, ...loads] = await Promise.all([
      server.call('phaseEnd', undefined),
      ...loaders.map((l) => l.call('phaseEnd', undefined)),
    ])
    return { spec, joinS, server: serverPhase, loads, machineBusyCores }
  } finally {
    await Promise.all(loaders.map((l) => l.stop('stop')))
    await server.stop('close')
  }
}

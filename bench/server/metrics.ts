/** Turns raw phase reports into the figures, checks and bars the issue asks for. */
import type { ScenarioRun } from './scenario.ts'
import type { LoadPhase } from './types.ts'
import { percentile } from '../stats.ts'

export interface Metrics {
  name: string
  rooms: number
  clients: number
  steadyS: number
  joinS: number
  note: string
  /** Pose frame bytes (records plus the amortized 2-byte tick header) per avatar update, from server stats. */
  payloadBytesPerUpdate: number
  /** On-wire pose bytes (WebSocket header, Colyseus prefix, frame) per avatar update, from the clients. */
  wireBytesPerUpdate: number
  updatesPerClientPerS: number
  downMeanBps: number
  downP50Bps: number
  downMaxBps: number
  downPoseBps: number
  downPatchBps: number
  downOtherBps: number
  posesSentPerClientPerS: number
  tickHzPerRoom: number
  tickMsAvg: number
  serverCpuCores: number
  serverCpuMsPerTick: number
  serverElu: number
  /** Machine CPU used by programs other than this benchmark during the phase (cores). */
  otherCpuCores: number
  loopP50Ms: number
  loopP99Ms: number
  loopMaxMs: number
  heapStartMb: number
  heapEndMb: number
  heapGrowthMb: number
  rssMb: number
  gcForced: boolean
  loadCpuCores: number[]
}

export interface Check {
  name: string
  pass: boolean
  detail: string
}

export interface Bar extends Check {
  /** Not evaluated in this run (e.g. --quick has no 1000-client scenario). */
  skipped: boolean
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0)

function total(loads: LoadPhase[], f: (l: LoadPhase) => number): number {
  return sum(loads.map(f))
}

export function computeMetrics(run: ScenarioRun): Metrics {
  const { spec, server, loads } = run
  const dur = server.durationS
  const loadDur = sum(loads.map((l) => l.durationS)) / loads.length
  const light = total(loads, (l) => l.lightClients)
  const perClient = loads.flatMap((l) => l.perClientBytesPerS).sort((a, b) => a - b)
  const records = total(loads, (l) => l.poseRecords)
  const ticks = sum(server.rooms.map((r) => r.ticks))
  const cpuMs = server.cpuUserMs + server.cpuSystemMs
  const perClientRate = (bytes: number): number => bytes / light / loadDur
  return {
    name: spec.name,
    rooms: server.rooms.length,
    clients: sum(server.rooms.map((r) => r.clients)),
    steadyS: spec.steadyS,
    joinS: run.joinS,
    note: spec.note ?? '',
    payloadBytesPerUpdate: sum(server.rooms.map((r) => r.bytes)) / sum(server.rooms.map((r) => r.records)),
    wireBytesPerUpdate: total(loads, (l) => l.poseWireBytes) / records,
    updatesPerClientPerS: records / light / loadDur,
    downMeanBps: sum(perClient) / perClient.length,
    downP50Bps: percentile(perClient, 50),
    downMaxBps: perClient[perClient.length - 1] ?? 0,
    downPoseBps: perClientRate(total(loads, (l) => l.poseWireBytes)),
    downPatchBps: perClientRate(total(loads, (l) => l.patchWireBytes + l.stateWireBytes)),
    downOtherBps: perClientRate(total(loads, (l) => l.otherWireBytes)),
    posesSentPerClientPerS: total(loads, (l) => l.posesSent) / light / loadDur,
    tickHzPerRoom: ticks / server.rooms.length / dur,
    tickMsAvg: sum(server.rooms.map((r) => r.tickMs)) / ticks,
    serverCpuCores: cpuMs / 1000 / dur,
    serverCpuMsPerTick: cpuMs / ticks,
    serverElu: server.elu,
    otherCpuCores: Math.max(0, run.machineBusyCores - cpuMs / 1000 / dur - sum(loads.map((l) => l.cpuCores))),
    loopP50Ms: server.loopDelayMs.p50,
    loopP99Ms: server.loopDelayMs.p99,
    loopMaxMs: server.loopDelayMs.max,
    heapStartMb: server.heapUsedStartMb,
    heapEndMb: server.heapUsedEndMb,
    heapGrowthMb: server.heapUsedEndMb - server.heapUsedStartMb,
    rssMb: server.rssEndMb,
    gcForced: server.gcForced,
    loadCpuCores: loads.map((l) => l.cpuCores),
  }
}

/** The decoding sample clients saw every avatar of their room, on the floor, moving. */
export function sampleCheck(runs: ScenarioRun[]): Check {
  const problems: string[] = []
  let samples = 0
  let worstGap = 0
  for (const run of runs) {
    for (const s of run.loads.flatMap((l) => l.samples)) {
      samples++
      worstGap = Math.max(worstGap, s.maxGapMs)
      const others = s.expectedAvatars - 1
      const where = `${run.spec.name} room ${s.roomId}`
      if (s.avatarsInState !== s.expectedAvatars)
        problems.push(`${where}: state has ${s.avatarsInState}/${s.expectedAvatars} avatars`)
      if (s.slotsDecoded !== others) problems.push(`${where}: poses decoded for ${s.slotsDecoded}/${others} others`)
      if (s.slotsMoved !== others)
        problems.push(
          `${where}: ${s.slotsMoved}/${others} heads kept moving (longest silence ${s.maxGapMs.toFixed(0)} ms)`,
        )
      if (s.headsOffFloor > 0) problems.push(`${where}: ${s.headsOffFloor} decoded heads off the branch floor`)
      if (s.unknownSlots > 0) problems.push(`${where}: ${s.unknownSlots} pose slots missing from the state`)
    }
  }
  if (samples === 0) problems.push('no sample clients reported')
  return {
    name: 'Sample clients decode all avatars (state + poses, on floor, moving)',
    pass: problems.length === 0,
    detail: problems.length
      ? problems.slice(0, 6).join('; ')
      : `${samples} sample clients saw every avatar move; longest silence ${worstGap.toFixed(0)} ms`,
  }
}

/** The load itself was valid: every client stayed connected and no pose was rejected. */
export function loadCheck(runs: ScenarioRun[]): Check {
  const problems: string[] = []
  for (const run of runs) {
    const { spec, loads, server } = run
    const expected = spec.rooms * spec.clientsPerRoom
    const onServer = sum(server.rooms.map((r) => r.clients))
    if (server.rooms.length !== spec.rooms) problems.push(`${spec.name}: ${server.rooms.length}/${spec.rooms} rooms`)
    if (onServer !== expected) problems.push(`${spec.name}: ${onServer}/${expected} clients on the server`)
    const dropped = total(loads, (l) => l.lightClients - l.openClients)
    if (dropped) problems.push(`${spec.name}: ${dropped} light clients disconnected`)
    const rejected = total(loads, (l) => l.errors + l.corrections)
    if (rejected) problems.push(`${spec.name}: ${rejected} error/correction messages`)
  }
  return {
    name: 'Load valid (all clients connected, no pose rejected)',
    pass: problems.length === 0,
    detail: problems.length ? problems.join('; ') : 'ok',
  }
}

/**
 * A load generator process: joins its share of rooms with light clients (and a few decoding
 * sample clients), walks them all at the client pose rate and reports what they received.
 */
import { ROOMS } from '@atrium/common'

import { Walker } from './bot.ts'
import { serve } from './ipc.ts'
import { Counters, LightClient } from './lightClient.ts'
import { SampleClient } from './sampleClient.ts'
import type { LoadPhase, LoadPlan } from './types.ts'

export type LoadApi = {
  join: [LoadPlan, void]
  phaseStart: [undefined, void]
  phaseEnd: [undefined, LoadPhase]
  stop: [undefined, void]
}

interface Member {
  client: LightClient | SampleClient
  walker: Walker
  last: number
  expected: number
  timer?: NodeJS.Timeout
}

const members: Member[] = []
let phase: { t0: number; cpu: NodeJS.CpuUsage } | undefined

/**
 * Sends one pose per period on the member's own timer, started at a random offset: like real
 * headsets, clients are in step neither with each other nor with the server tick.
 */
function startWalking(m: Member, poseHz: number): void {
  const period = 1000 / poseHz
  let placed = false
  const step = (): void => {
    const now = performance.now()
    // the server spreads arrivals around the spawn point: start walking from where it put us
    if (!placed) {
      if (!m.client.placedAt) return
      m.walker.placeAt(m.client.placedAt.x, m.client.placedAt.z)
      placed = true
    }
    // real elapsed time, so a late timer makes a longer (still plausible) step, not a slower walk
    m.client.sendPose(m.walker.step((now - m.last) / 1000))
    m.last = now
  }
  m.timer = setTimeout(() => (m.timer = setInterval(step, period)), Math.random() * period)
}

/** Runs `task` over `items` with at most `limit` in flight; the first failure fails the whole. */
async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) await task(items[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

serve<LoadApi>({
  async join(plan) {
    for (const [g, group] of plan.groups.entries()) {
      const expected = group.tokens.length
      const add = async (i: number, method: string, target: string): Promise<string> => {
        const client = group.samples.includes(i) ? new SampleClient() : new LightClient()
        await client.join(plan.port, group.tokens[i]!, method, target)
        const walker = new Walker(plan.seed * 100_000 + g * 1000 + i)
        const member: Member = { client, walker, last: performance.now(), expected }
        members.push(member)
        startWalking(member, plan.poseHz)
        return client.roomId
      }
      // the first visitor creates the room and the rest join it by id, so placement is deterministic
      // even when several load processes join at once (joinOrCreate would interleave them)
      const roomId = await add(0, 'create', ROOMS.branch)
      const rest = Array.from({ length: expected - 1 }, (_, i) => i + 1)
      await pool(rest, plan.concurrency, async (i) => void (await add(i, 'joinById', roomId)))
    }
  },
  phaseStart() {
    for (const m of members) {
      if (m.client instanceof LightClient) m.client.counters = new Counters()
      else m.client.reset()
    }
    phase = { t0: performance.now(), cpu: process.cpuUsage() }
  },
  phaseEnd() {
    if (!phase) throw new Error('phaseEnd without phaseStart')
    const durationS = (performance.now() - phase.t0) / 1000
    const cpu = process.cpuUsage(phase.cpu)
    const light = members.flatMap((m) => (m.client instanceof LightClient ? [m.client] : []))
    const sum = (f: (c: Counters) => number): number => light.reduce((s, c) => s + f(c.counters), 0)
    return {
      durationS,
      lightClients: light.length,
      openClients: light.filter((c) => c.open).length,
      perClientBytesPerS: light.map((c) => c.counters.wireBytes / durationS),
      wireBytes: sum((c) => c.wireBytes),
      poseFrames: sum((c) => c.poseFrames),
      poseRecords: sum((c) => c.poseRecords),
      poseWireBytes: sum((c) => c.poseWireBytes),
      patchWireBytes: sum((c) => c.patchWireBytes),
      patches: sum((c) => c.patches),
      stateWireBytes: sum((c) => c.stateWireBytes),
      otherWireBytes: sum((c) => c.otherWireBytes),
      errors: sum((c) => c.errors),
      corrections: sum((c) => c.corrections),
      posesSent: sum((c) => c.posesSent),
      cpuCores: (cpu.user + cpu.system) / 1000 / (durationS * 1000),
      samples: members.flatMap((m) => (m.client instanceof SampleClient ? [m.client.report(m.expected)] : [])),
    }
  },
  stop() {
    for (const m of members) {
      clearInterval(m.timer)
      m.client.close()
    }
    setImmediate(() => process.exit(0))
  },
})

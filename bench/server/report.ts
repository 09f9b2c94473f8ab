/** Bars from the issue and the plain-text table printed to stdout. */
import { DEFAULT_MAX_CLIENTS, NET } from '@atrium/common'

import type { Bar, Check, Metrics } from './metrics.ts'
import type { Reference } from './references.ts'

export const BARS = {
  payloadBytes: 32,
  /** Downstream per client in a full room, bytes per second (KB = 1000 B). */
  fullRoomDownBps: 40_000,
  manyClients: 1000,
  loopP99Ms: 25,
} as const

function bar(name: string, ok: boolean | undefined, detail: string): Bar {
  return { name, pass: ok ?? true, skipped: ok === undefined, detail }
}

/** The scenario that is one full room: a single room at the default capacity. */
export function fullRoom(metrics: Metrics[]): Metrics | undefined {
  return metrics.find((m) => m.rooms === 1 && m.clients === DEFAULT_MAX_CLIENTS)
}

export function evaluateBars(metrics: Metrics[]): Bar[] {
  const worstPayload = Math.max(...metrics.map((m) => m.payloadBytesPerUpdate))
  const full = fullRoom(metrics)
  const many = metrics.find((m) => m.clients >= BARS.manyClients)
  return [
    bar(
      `<= ${BARS.payloadBytes} B per avatar pose update (payload)`,
      worstPayload <= BARS.payloadBytes,
      `worst scenario ${worstPayload.toFixed(2)} B`,
    ),
    bar(
      `<= ${BARS.fullRoomDownBps / 1000} KB/s downstream per client, full ${DEFAULT_MAX_CLIENTS}-avatar room (every client)`,
      full && full.downMaxBps <= BARS.fullRoomDownBps,
      full ? `max ${kb(full.downMaxBps)}, mean ${kb(full.downMeanBps)}` : 'no full-room scenario in this run',
    ),
    bar(
      `${BARS.manyClients} clients on one process, event-loop delay p99 < ${BARS.loopP99Ms} ms`,
      many && many.loopP99Ms < BARS.loopP99Ms,
      many
        ? `${many.clients} clients in ${many.rooms} rooms: p99 ${many.loopP99Ms.toFixed(1)} ms`
        : `skipped: no scenario with ${BARS.manyClients} clients (--quick)`,
    ),
  ]
}

const kb = (bps: number): string => `${(bps / 1000).toFixed(1)} KB/s`
const f = (n: number, d = 1): string => n.toFixed(d)

type Row = [string, (m: Metrics) => string]

const ROWS: Row[] = [
  ['clients / rooms', (m) => `${m.clients} / ${m.rooms}`],
  ['steady phase (s); join (s)', (m) => `${m.steadyS}; ${f(m.joinS)}`],
  ['B per pose update, payload', (m) => f(m.payloadBytesPerUpdate, 2)],
  ['B per pose update, with framing', (m) => f(m.wireBytesPerUpdate, 2)],
  ['pose updates recv/client/s', (m) => f(m.updatesPerClientPerS, 0)],
  ['downstream/client mean', (m) => kb(m.downMeanBps)],
  ['downstream/client p50 / max', (m) => `${kb(m.downP50Bps)} / ${kb(m.downMaxBps)}`],
  ['  of which poses', (m) => kb(m.downPoseBps)],
  ['  of which patches+state', (m) => kb(m.downPatchBps)],
  ['  of which other messages', (m) => kb(m.downOtherBps)],
  ['poses sent/client/s', (m) => f(m.posesSentPerClientPerS)],
  ['room tick rate (Hz)', (m) => f(m.tickHzPerRoom)],
  ['room tick time avg (ms)', (m) => f(m.tickMsAvg, 3)],
  ['server CPU (cores)', (m) => f(m.serverCpuCores, 2)],
  ['server CPU per room tick (ms)', (m) => f(m.serverCpuMsPerTick, 3)],
  ['server event-loop utilization', (m) => `${f(m.serverElu * 100, 0)}%`],
  ['event-loop delay p50 / p99 (ms)', (m) => `${f(m.loopP50Ms, 2)} / ${f(m.loopP99Ms, 2)}`],
  ['event-loop delay max (ms)', (m) => f(m.loopMaxMs)],
  ['heap used start -> end (MB)', (m) => `${f(m.heapStartMb)} -> ${f(m.heapEndMb)}`],
  ['heap growth (MB)', (m) => `${m.heapGrowthMb >= 0 ? '+' : ''}${f(m.heapGrowthMb, 2)}`],
  ['server RSS (MB)', (m) => f(m.rssMb, 0)],
  ['load process CPU (cores)', (m) => m.loadCpuCores.map((c) => f(c, 2)).join(' + ')],
  ['other programs CPU (cores)', (m) => f(m.otherCpuCores, 2)],
]

/** Other programs using more than this (cores) during a phase make its timings suspect. */
const NOISY_CORES = 0.25

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

export function formatReport(metrics: Metrics[], refs: Reference[], checks: Check[], bars: Bar[]): string {
  const out: string[] = ['', 'Atrium server benchmark', '']
  out.push(
    table(
      ['metric', ...metrics.map((m) => m.name)],
      ROWS.map(([label, get]) => [label, ...metrics.map(get)]),
    ),
  )
  for (const m of metrics) if (m.note) out.push(`note (${m.name}): ${m.note}`)
  for (const m of metrics) {
    if (m.otherCpuCores > NOISY_CORES)
      out.push(
        `warning (${m.name}): other programs used ${f(m.otherCpuCores, 2)} cores; CPU and delay figures are suspect`,
      )
  }
  if (metrics.some((m) => !m.gcForced)) out.push('note: heap figures without a forced gc (run lacked --expose-gc)')

  const full = fullRoom(metrics)
  out.push('', `Per-avatar update size and downstream per client, ${DEFAULT_MAX_CLIENTS}-avatar room`, '')
  const refRows = refs.map((r) => [r.name, `${r.rateHz}`, `${r.bytesPerAvatarUpdate}`, kb(r.bytesPerSecondPerClient)])
  if (full) {
    const atrium = `${f(full.payloadBytesPerUpdate)} (${f(full.wireBytesPerUpdate)} framed)`
    const rate =
      [...NET.rateTiers.map((t) => NET.tickHz / t.divider), NET.tickHz / NET.farRateDivider].join('/') + ' by distance'
    refRows.unshift(['Atrium (measured)', rate, atrium, kb(full.downMeanBps)])
  }
  out.push(table(['system', 'rate (Hz)', 'B/avatar update', 'down/client'], refRows))
  for (const r of refs) out.push(`  ${r.name}: ${r.how}`)

  out.push('', 'Checks and bars', '')
  for (const c of [...checks, ...bars]) {
    const verdict = 'skipped' in c && c.skipped ? 'SKIP' : c.pass ? 'PASS' : 'FAIL'
    out.push(`${verdict}  ${c.name}: ${c.detail}`)
  }
  return out.join('\n')
}

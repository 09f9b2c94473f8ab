import { NET, POSE_BYTES, POSE_FRAME_HEADER_BYTES, POSE_RECORD_BYTES, writeRecord } from '@atrium/common'

import type { PoseStore } from './PoseStore.ts'

/** What the broadcaster needs of a connected viewer. */
export interface Viewer {
  slot: number
  /** Last pose version sent to this viewer, per slot. */
  sent: Uint32Array
  send(frame: Uint8Array): void
}

/** Per-tick totals, for the benchmark and diagnostics. */
export interface BroadcastStats {
  frames: number
  records: number
  bytes: number
}

const TIERS = NET.rateTiers.map((t) => ({ radiusSq: t.radius * t.radius, divider: t.divider }))

/** Ticks between updates of an avatar at squared distance `dSq` in the viewer's zone, or elsewhere. */
export function updateDivider(sameZone: boolean, dSq: number): number {
  if (sameZone) for (const t of TIERS) if (dSq <= t.radiusSq) return t.divider
  return NET.farRateDivider
}

/**
 * Builds one pose frame per viewer per tick with interest management: the closer an avatar is
 * (in the same zone), the more often it is sent (NET.rateTiers); unchanged poses are never resent.
 * Slots are phase-shifted so each tick carries an even share of the slower updates.
 */
export class PoseBroadcaster {
  private readonly frame: Uint8Array

  constructor(private readonly store: PoseStore) {
    this.frame = new Uint8Array(POSE_FRAME_HEADER_BYTES + store.capacity * POSE_RECORD_BYTES)
  }

  /** A fresh viewer record that has seen nothing yet. */
  createViewerState(): Uint32Array {
    return new Uint32Array(this.store.capacity)
  }

  broadcast(viewers: Iterable<Viewer>, tick: number, stats?: BroadcastStats): void {
    const s = this.store
    const f = this.frame
    f[0] = (tick >> 8) & 0xff
    f[1] = tick & 0xff
    for (const v of viewers) {
      const vx = s.headX(v.slot)
      const vz = s.headZ(v.slot)
      const vzone = s.zone[v.slot]
      let o = POSE_FRAME_HEADER_BYTES
      for (const slot of s.active) {
        if (slot === v.slot) continue
        const ver = s.version[slot]!
        if (v.sent[slot] === ver) continue
        const dx = s.headX(slot) - vx
        const dz = s.headZ(slot) - vz
        if ((tick + slot) % updateDivider(s.zone[slot] === vzone, dx * dx + dz * dz) !== 0) continue
        writeRecord(f, o, slot, s.bytes, slot * POSE_BYTES)
        o += POSE_RECORD_BYTES
        v.sent[slot] = ver
      }
      if (o === POSE_FRAME_HEADER_BYTES) continue
      v.send(f.subarray(0, o))
      if (stats) {
        stats.frames++
        stats.records += (o - POSE_FRAME_HEADER_BYTES) / POSE_RECORD_BYTES
        stats.bytes += o
      }
    }
  }
}

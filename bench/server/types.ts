/** Shapes exchanged over IPC between the orchestrator (run.ts), the server process and the load processes. */

/** Running totals of one BranchRoom (its public `stats` plus its client count). */
export interface RoomTotals {
  roomId: string
  clients: number
  ticks: number
  tickMs: number
  frames: number
  records: number
  bytes: number
}

/** What the server process measured over one steady phase. */
export interface ServerPhase {
  durationS: number
  cpuUserMs: number
  cpuSystemMs: number
  /** Event-loop lateness in ms: histogram values minus the sampling interval. */
  loopDelayMs: { p50: number; p99: number; max: number; mean: number }
  loopResolutionMs: number
  /** Event-loop utilization: the fraction of the phase the loop was running code rather than idle. */
  elu: number
  heapUsedStartMb: number
  heapUsedEndMb: number
  rssEndMb: number
  /** True when heap figures were taken after a forced gc (the process runs with --expose-gc). */
  gcForced: boolean
  /** Per-room deltas over the phase (clients is the count at the end). */
  rooms: RoomTotals[]
}

/** One room's worth of clients, all handled by the same load process. */
export interface GroupPlan {
  tokens: string[]
  /** Indices into `tokens` that join with the real colyseus.js client and decode everything. */
  samples: number[]
}

export interface LoadPlan {
  port: number
  groups: GroupPlan[]
  /** Joins in flight at once per load process. */
  concurrency: number
  poseHz: number
  /** Seed for the bots' wandering, so runs are comparable. */
  seed: number
}

/** What one sample (decoding) client saw over the steady phase. */
export interface SampleReport {
  roomId: string
  expectedAvatars: number
  avatarsInState: number
  /** Other avatars' slots according to the decoded schema state. */
  otherSlots: number
  slotsDecoded: number
  /** Other avatars whose decoded head walked at least 1 m during the phase, never silent for over 2 s. */
  slotsMoved: number
  /** Longest time any one avatar went without a decoded update (ms). */
  maxGapMs: number
  headsOffFloor: number
  framesDecoded: number
  /** Decoded slot numbers that the state does not know about. */
  unknownSlots: number
}

/** Byte counters of the light clients of one load process, summed or listed per client. */
export interface LoadPhase {
  durationS: number
  lightClients: number
  /** Light clients whose socket was still open at the end. */
  openClients: number
  /** Downstream on-wire bytes per second, one entry per light client. */
  perClientBytesPerS: number[]
  wireBytes: number
  poseFrames: number
  poseRecords: number
  /** On-wire bytes of pose frames: WebSocket header + Colyseus prefix + frame. */
  poseWireBytes: number
  patchWireBytes: number
  patches: number
  stateWireBytes: number
  otherWireBytes: number
  /** Server `error` and `correction` messages: a plausible bot should get none. */
  errors: number
  corrections: number
  posesSent: number
  /** CPU of the load process as a fraction of one core, to spot a saturated load generator. */
  cpuCores: number
  samples: SampleReport[]
}

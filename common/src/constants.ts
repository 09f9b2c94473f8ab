/** Network and room limits shared by server and client. Values are per client unless stated. */
export const NET = {
  /** Server tick and schema patch rate (Hz). Poses ride the same clock. */
  tickHz: 20,
  /**
   * Interest tiers for avatars in the viewer's zone: within `radius` metres an avatar is sent
   * every `divider` ticks (20 Hz, then 10 Hz). Beyond the last tier, or in another zone, every
   * `farRateDivider` ticks (5 Hz).
   */
  rateTiers: [
    { radius: 4, divider: 1 },
    { radius: 10, divider: 2 },
  ],
  farRateDivider: 4,
  /** Client pose sends per second (the server accepts up to `maxPoseMessagesPerSecond`). */
  clientPoseHz: 20,
  maxPoseMessagesPerSecond: 30,
  /** Remote poses are rendered this far in the past so two frames are usually buffered. */
  interpolationDelayMs: 100,
  /** Seconds a dropped client keeps its seat. */
  reconnectSeconds: 20,
  /** Invalid-message strikes within `strikeWindowMs` before a client is disconnected. */
  maxStrikes: 20,
  strikeWindowMs: 10_000,
} as const

/** Movement plausibility limits enforced by the server. */
export const MOVEMENT = {
  /** Fastest plausible walking speed (m/s); the client walks at `walkSpeed`. */
  maxSpeed: 4,
  walkSpeed: 2.5,
  /** Extra distance tolerated per pose to absorb jitter and head movement (m). */
  slack: 0.6,
  /** Teleport arcs reach at most this far (m). */
  maxTeleportDistance: 15,
  eyeHeight: 1.6,
  minHeadHeight: 0.2,
  maxHeadHeight: 2.6,
  /** Hands stay within this distance of the head (m). */
  maxHandReach: 1.5,
} as const

/** Text chat limits. */
export const CHAT = {
  maxLength: 500,
  maxMessages: 5,
  windowMs: 10_000,
  historySize: 200,
} as const

/** Room names as registered with the matchmaker. */
export const ROOMS = {
  branch: 'branch',
  /** One private advisory suite per advisory session; filtered by reference, parties only. */
  suite: 'suite',
  /** One investor-education event's auditorium; filtered by eventId, overflow instances beyond 200. */
  auditorium: 'auditorium',
  /** One shared wealth-sandbox session (members only); filtered by sessionId. */
  sandbox: 'sandbox',
} as const

/** Default capacity of one atrium instance; override with ATRIUM_MAX_CLIENTS. */
export const DEFAULT_MAX_CLIENTS = 100

/** Close code used when a client is disconnected for persistent abuse. */
export const CLOSE_ABUSE = 4429
/** WebSocket close code: the session was ended (sign-out elsewhere, revocation, disabled account). */
export const CLOSE_SESSION_ENDED = 4401

/** Display-name limits. */
export const NAME = { min: 1, max: 32 } as const

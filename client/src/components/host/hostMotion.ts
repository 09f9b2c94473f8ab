/**
 * The host's idle and attention layer, independent of speech: breathing, blinks, a slow head
 * sway, turning towards a visitor who comes close (or is being spoken to), eyes that lead the
 * head, and a hologram flicker. Plain numbers updated in place each frame; no allocation.
 */
export interface HostMotion {
  /** Head yaw and pitch relative to the body, roll (radians); body yaw relative to the desk. */
  yaw: number
  pitch: number
  roll: number
  bodyYaw: number
  /** Iris offset in metres (head space). */
  eyeX: number
  eyeY: number
  /** 0 open … 1 closed. */
  blink: number
  /** -1 … 1. */
  breath: number
  /** Opacity factor of the hologram, about 1 with rare dips. */
  flicker: number
  engaged: boolean
  nextBlink: number
  blinkAt: number
  nextGlitch: number
  glitchUntil: number
}

/** Visitors closer than this (m) get the host's attention; it lets go a little further out. */
export const ENGAGE_RADIUS = 4
const RELEASE_RADIUS = 4.5
/** While speaking, the host keeps looking at the visitor up to this far. */
const SPEAKING_RADIUS = 12
/** Natural limits (radians): the head turns up to ±43° on top of ±20° of body. */
export const LIMITS = { headYaw: 0.75, bodyYaw: 0.35, pitchUp: 0.3, pitchDown: -0.35 } as const

export function createHostMotion(): HostMotion {
  return {
    yaw: 0,
    pitch: 0,
    roll: 0,
    bodyYaw: 0,
    eyeX: 0,
    eyeY: 0,
    blink: 0,
    breath: 0,
    flicker: 1,
    engaged: false,
    nextBlink: 2,
    blinkAt: -1,
    nextGlitch: 6,
    glitchUntil: 0,
  }
}

const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x)
const ease = (rate: number, dt: number) => 1 - Math.exp(-rate * dt)

/**
 * Advances `m` by `dt` seconds to time `t`. (dx, dy, dz) is the visitor's head minus the host's
 * head in world space (the host faces +z); `speaking` whether the host is talking.
 */
export function stepHostMotion(
  m: HostMotion,
  dt: number,
  t: number,
  dx: number,
  dy: number,
  dz: number,
  speaking: boolean,
  random: () => number = Math.random,
): void {
  const horiz = Math.hypot(dx, dz)
  const toward = Math.atan2(dx, dz)
  const radius = speaking ? SPEAKING_RADIUS : m.engaged ? RELEASE_RADIUS : ENGAGE_RADIUS
  // nobody is looked at over the shoulder: a visitor behind the host is left alone
  m.engaged = horiz < radius && Math.abs(toward) < 1.9

  let bodyTarget = 0
  let yawTarget: number
  let pitchTarget: number
  let rollTarget: number
  if (m.engaged) {
    bodyTarget = clamp(toward * 0.3, -LIMITS.bodyYaw, LIMITS.bodyYaw)
    yawTarget = clamp(toward - m.bodyYaw, -LIMITS.headYaw, LIMITS.headYaw)
    pitchTarget = clamp(Math.atan2(dy, Math.max(horiz, 0.3)), LIMITS.pitchDown, LIMITS.pitchUp)
    rollTarget = 0.05
  } else {
    yawTarget = 0.12 * Math.sin(0.23 * t) + 0.05 * Math.sin(0.61 * t + 1)
    pitchTarget = -0.03 + 0.03 * Math.sin(0.37 * t)
    rollTarget = 0.02 * Math.sin(0.17 * t)
  }
  // gentle nods while talking
  if (speaking) pitchTarget += 0.025 * Math.sin(2.3 * t)

  const k = ease(3.5, dt)
  m.bodyYaw += (bodyTarget - m.bodyYaw) * ease(1.5, dt)
  m.yaw += (yawTarget - m.yaw) * k
  m.pitch += (pitchTarget - m.pitch) * k
  m.roll += (rollTarget - m.roll) * ease(1.5, dt)
  // the eyes get there first, then relax as the head catches up
  const ke = ease(12, dt)
  m.eyeX += (clamp((yawTarget - m.yaw) * 0.012, -0.0035, 0.0035) - m.eyeX) * ke
  m.eyeY += (clamp((pitchTarget - m.pitch) * 0.01, -0.002, 0.002) - m.eyeY) * ke

  // a blink every 3–6 s, now and then a double one
  if (t >= m.nextBlink) {
    m.blinkAt = t
    m.nextBlink = t + (random() < 0.15 ? 0.35 : 3 + 3 * random())
  }
  const p = t - m.blinkAt
  m.blink = p < 0 ? 0 : p < 0.07 ? p / 0.07 : p < 0.17 ? 1 - (p - 0.07) / 0.1 : 0

  m.breath = Math.sin((t * 2 * Math.PI) / 4.5)

  if (t >= m.nextGlitch) {
    m.glitchUntil = t + 0.08
    m.nextGlitch = t + 4 + 6 * random()
  }
  m.flicker = t < m.glitchUntil ? 0.72 : 0.97 + 0.03 * Math.sin(t * 37) * Math.sin(t * 11.3)
}

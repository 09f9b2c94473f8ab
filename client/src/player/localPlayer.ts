import { constrainStep, MOVEMENT, ZONES } from '@atrium/common'
import { Quaternion, Vector3 } from 'three'

/** A world-space pose the rig writes every frame and the pose sender reads. */
export interface WorldPose {
  p: Vector3
  q: Quaternion
}

/** Input from keyboard, touch joystick and walk-to targets, in the player's frame. */
export interface MoveInput {
  /** -1..1: strafe right positive. */
  x: number
  /** -1..1: forward positive. */
  y: number
}

/**
 * The visitor's own body: feet position, view angles and the latest head and hand poses.
 * A plain mutable object read and written in `useFrame`; never React state.
 */
export const localPlayer = {
  feet: new Vector3(ZONES.atrium.spawn.x, 0, ZONES.atrium.spawn.z),
  yaw: ZONES.atrium.spawn.yaw,
  pitch: 0,
  keys: { x: 0, y: 0 } as MoveInput,
  touch: { x: 0, y: 0 } as MoveInput,
  walkTarget: undefined as Vector3 | undefined,
  head: { p: new Vector3(0, MOVEMENT.eyeHeight, ZONES.atrium.spawn.z), q: new Quaternion() } as WorldPose,
  left: { p: new Vector3(), q: new Quaternion() } as WorldPose,
  right: { p: new Vector3(), q: new Quaternion() } as WorldPose,
  /** Incremented on every teleport so the pose sender announces it before the next pose. */
  jumps: 0,
}

/** Walks by (dx, dz) metres in world space, stopping at walls and sliding along them. */
export function walk(dx: number, dz: number): void {
  const f = localPlayer.feet
  const [x, z] = constrainStep(f.x, f.z, f.x + dx, f.z + dz)
  f.x = x
  f.z = z
}

/** Places the player at (x, z), optionally facing `yaw`, without telling the server (it already knows). */
export function placeAt(x: number, z: number, yaw?: number): void {
  localPlayer.feet.set(x, 0, z)
  if (yaw !== undefined) localPlayer.yaw = yaw
  localPlayer.walkTarget = undefined
}

/** Teleports to (x, z); the pose sender announces the jump so the server can validate it. */
export function teleportTo(x: number, z: number): void {
  placeAt(x, z)
  localPlayer.jumps++
}

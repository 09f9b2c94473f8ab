import { BitCursor } from './bits.ts'
import { packQuat, toMillimetres, unpackQuat, type AvatarPose, type Pose } from './quantize.ts'

/**
 * Binary pose stream (server to client), sent beside the schema patch on the same 20 Hz clock.
 *
 * Frame: u16 tick, then records of u16 slot + 27-byte pose:
 *   head position 3 x int16 mm (±32.7 m), head rotation u32 smallest-three,
 *   each hand: position relative to the head 3 x int12 mm (±2.047 m) and rotation u32.
 * 48 + 32 + 2 * (36 + 32) = 216 bits = 27 bytes; 29 bytes with the slot.
 */
export const POSE_BYTES = 27
export const POSE_RECORD_BYTES = POSE_BYTES + 2
export const POSE_FRAME_HEADER_BYTES = 2
/** Bytes-message type number of pose frames. */
export const POSE_FRAME_TYPE = 1

const HAND_BITS = 12

/** Quantizes and packs `pose` into `out` at `offset` (POSE_BYTES bytes). */
export function encodePose(pose: AvatarPose, out: Uint8Array, offset: number): void {
  const c = new BitCursor(out, offset)
  const h = pose.head.p
  for (let i = 0; i < 3; i++) c.writeSigned(toMillimetres(h[i]!, 16), 16)
  c.write(packQuat(pose.head.q[0], pose.head.q[1], pose.head.q[2], pose.head.q[3]), 32)
  writeHand(c, pose.left, h)
  writeHand(c, pose.right, h)
}

function writeHand(c: BitCursor, hand: Pose, head: readonly number[]): void {
  for (let i = 0; i < 3; i++) c.writeSigned(toMillimetres(hand.p[i]! - head[i]!, HAND_BITS), HAND_BITS)
  c.write(packQuat(hand.q[0], hand.q[1], hand.q[2], hand.q[3]), 32)
}

/** Allocates an AvatarPose to decode into (reuse it across frames). */
export function createPose(): AvatarPose {
  const pose = (): Pose => ({ p: [0, 0, 0], q: [0, 0, 0, 1] })
  return { head: pose(), left: pose(), right: pose() }
}

/** Decodes POSE_BYTES at `offset` into `out` (metres, unit quaternions). */
export function decodePose(bytes: Uint8Array, offset: number, out: AvatarPose): AvatarPose {
  const c = new BitCursor(bytes, offset)
  const h = out.head.p
  for (let i = 0; i < 3; i++) h[i] = c.readSigned(16) / 1000
  unpackQuat(c.read(32), out.head.q)
  for (const hand of [out.left, out.right]) {
    for (let i = 0; i < 3; i++) hand.p[i] = h[i]! + c.readSigned(HAND_BITS) / 1000
    unpackQuat(c.read(32), hand.q)
  }
  return out
}

/** Writes a record (slot + pre-encoded pose bytes) into a frame buffer. */
export function writeRecord(
  frame: Uint8Array,
  offset: number,
  slot: number,
  pose: Uint8Array,
  poseOffset: number,
): void {
  frame[offset] = slot >> 8
  frame[offset + 1] = slot & 0xff
  // a plain loop: subarray() would allocate a view per record on the hottest path
  for (let i = 0; i < POSE_BYTES; i++) frame[offset + 2 + i] = pose[poseOffset + i]!
}

/** The server tick a frame was sent on. */
export function frameTick(frame: Uint8Array): number {
  return (frame[0]! << 8) | frame[1]!
}

/** Calls `onRecord(slot, offset)` for each record of a frame; returns the tick. */
export function readFrame(frame: Uint8Array, onRecord: (slot: number, poseOffset: number) => void): number {
  const tick = frameTick(frame)
  for (let o = POSE_FRAME_HEADER_BYTES; o + POSE_RECORD_BYTES <= frame.length; o += POSE_RECORD_BYTES) {
    onRecord((frame[o]! << 8) | frame[o + 1]!, o + 2)
  }
  return tick
}

import { schema, type SchemaType } from '@colyseus/schema'

/**
 * One visitor in a branch room. Fields only; poses travel in the binary pose stream
 * (see net/poseFrame.ts), keyed by `slot`, because per-viewer rates cannot be expressed
 * in a shared schema patch.
 */
export const Avatar = schema(
  {
    /** Pseudonymous user id (never a real name, login or account number). */
    id: 'string',
    name: 'string',
    /** Packed look: shape * 8 + colour (looks.ts). */
    look: 'uint8',
    /** Index into ZONE_IDS. */
    zone: 'uint8',
    /** Pose-stream slot, unique within the room instance. */
    slot: 'uint16',
    /** Placeholder until voice arrives: true while the avatar is talking. */
    speaking: 'boolean',
    /** False while the client is dropped and its seat is held for reconnection. */
    connected: { type: 'boolean', default: true },
    lang: 'string',
  },
  'Avatar',
)
export type Avatar = SchemaType<typeof Avatar>

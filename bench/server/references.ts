/**
 * Peer figures the issue compares against, computed here rather than copied so the table shows
 * how they were derived (sources in /work/shared/notes/peers.md §2 and its Hubs appendix).
 */
import { Walker } from './bot.ts'

export interface Reference {
  name: string
  rateHz: number
  /** Bytes for one avatar's head and both hands in one update. */
  bytesPerAvatarUpdate: number
  /** Downstream per client in a room of `avatars` moving avatars (each client receives the others). */
  bytesPerSecondPerClient: number
  how: string
}

/** Hubs (bitECS client) network tick. */
const HUBS_HZ = 12
/** Third Room net tick and its bytes per entity transform (3 × f32 position, 3 × f32 velocity, 4 × f32 rotation, u32). */
const THIRD_ROOM_HZ = 10
const THIRD_ROOM_TRANSFORM_BYTES = 44

/**
 * A representative networked-aframe "um" update of one avatar as Hubs relays it: ids and owner
 * stamps, then one position and one rotation component each for the head and both hands, with
 * the full double precision JSON gives three.js numbers.
 */
export function nafUpdate(): string {
  const pose = new Walker(42).step(0.37)
  const vec = (t: readonly number[]) => ({ x: t[0]!, y: t[1]!, z: t[2]! })
  const quat = (t: readonly number[]) => ({ x: t[3]!, y: t[4]!, z: t[5]!, w: t[6]! })
  const components: Record<string, object> = {}
  ;[pose.h, pose.l, pose.r].forEach((t, i) => {
    components[String(i * 2)] = vec(t)
    components[String(i * 2 + 1)] = quat(t)
  })
  return JSON.stringify({
    dataType: 'um',
    data: {
      d: [
        {
          networkId: 'k3b9xq2',
          owner: '5f0c1b7e-9a4d-4c2e-8f61-2d3b7a9e4c10',
          creator: '5f0c1b7e-9a4d-4c2e-8f61-2d3b7a9e4c10',
          lastOwnerTime: 1712345678901,
          template: '#remote-avatar',
          persistent: false,
          parent: null,
          components,
        },
      ],
    },
  })
}

/** The peer references for a room of `avatars` moving avatars. */
export function references(avatars: number): Reference[] {
  const others = avatars - 1
  const naf = Buffer.byteLength(nafUpdate(), 'utf8')
  const thirdRoom = 3 * THIRD_ROOM_TRANSFORM_BYTES
  return [
    {
      name: 'Mozilla Hubs (NAF JSON "um")',
      rateHz: HUBS_HZ,
      bytesPerAvatarUpdate: naf,
      bytesPerSecondPerClient: others * HUBS_HZ * naf,
      how: `UTF-8 length of a built NAF "um" message for head + hands; ${others} others × ${HUBS_HZ} Hz; no WebSocket/Phoenix framing`,
    },
    {
      name: 'Third Room (binary transforms)',
      rateHz: THIRD_ROOM_HZ,
      bytesPerAvatarUpdate: thirdRoom,
      bytesPerSecondPerClient: others * THIRD_ROOM_HZ * thirdRoom,
      how: `3 entities (head, hands) × ${THIRD_ROOM_TRANSFORM_BYTES} B; ${others} others × ${THIRD_ROOM_HZ} Hz; ids and headers not counted`,
    },
  ]
}

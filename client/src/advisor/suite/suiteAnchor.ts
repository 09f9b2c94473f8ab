import { SUITE_ROOMS } from '../../components/environment/layout.ts'

const room = SUITE_ROOMS[0]

/** Where the session's table stands: the middle of the first suite room. */
export const SUITE_ANCHOR = { x: (room.minX + room.maxX) / 2, z: (room.minZ + room.maxZ) / 2 } as const

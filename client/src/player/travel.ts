import { ZONES, type ZoneId } from '@atrium/common'

import type { BranchConnection } from '../net/BranchConnection.ts'
import { placeAt } from './localPlayer.ts'

/** Goes to a zone's entrance point: the server is told first, so the next pose is valid there. */
export function travel(connection: BranchConnection, zone: ZoneId): void {
  connection.travel(zone)
  const s = ZONES[zone].spawn
  placeAt(s.x, s.z, s.yaw)
}

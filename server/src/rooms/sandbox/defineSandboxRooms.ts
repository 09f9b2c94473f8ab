import { ROOMS } from '@atrium/common'
import type { Server } from '@colyseus/core'

import type { Services } from '../../services/createServices.ts'
import { SandboxRoom, setSandboxAuth } from './SandboxRoom.ts'

/** Registers the shared wealth-sandbox room: one instance per session, members only. */
export function defineSandboxRooms(game: Server, services: Services): void {
  setSandboxAuth(services.sandbox)
  // server-side options win over the client's in onCreate, so `services` cannot be replaced by a join option
  game.define(ROOMS.sandbox, SandboxRoom, { services: services.sandbox }).filterBy(['sessionId'])
}

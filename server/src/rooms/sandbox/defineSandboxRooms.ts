import type { Server } from '@colyseus/core'

import type { Services } from '../../services/createServices.ts'

/** Registers the shared wealth-sandbox room. */
export function defineSandboxRooms(game: Server, services: Services): void {
  void game
  void services
}

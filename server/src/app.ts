import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import { ROOMS } from '@atrium/common'
import { LocalPresence, matchMaker, Server, type Presence } from '@colyseus/core'
import { WebSocketTransport } from '@colyseus/ws-transport'

import type { ServerConfig } from './config.ts'
import { createApiHandler } from './http/api.ts'
import { sendError } from './http/respond.ts'
import { createStaticHandler } from './http/staticFiles.ts'
import { BranchRoom, type BranchRoomOptions } from './rooms/BranchRoom.ts'
import { setRoomTokenService } from './services/auth.ts'
import { resolveSecret, TokenService } from './services/tokens.ts'

export interface AtriumServer {
  http: HttpServer
  game: Server
  presence: Presence
  /** Resolves with the bound port. */
  listen(): Promise<number>
  close(): Promise<void>
}

/** Wires the HTTP API, static client and Colyseus rooms onto one port. */
export function createAtriumServer(config: ServerConfig): AtriumServer {
  const tokens = new TokenService(resolveSecret(config.secret, config.dataDir))
  setRoomTokenService(tokens)
  const presence = new LocalPresence()
  const api = createApiHandler({ tokens, presence, config: { maxClients: config.maxClients, version: '0.1.0' } })
  const files = config.staticDir ? createStaticHandler(config.staticDir) : undefined

  const http = createServer((req, res) => {
    void (async () => {
      if (await api(req, res)) return
      if (files && (await files(req, res))) return
      sendError(res, 404, 'not_found', 'not found')
    })().catch((e: unknown) => {
      console.error('[http]', e)
      if (!res.headersSent) sendError(res, 500, 'internal', 'unexpected server error')
    })
  })

  const game = new Server({
    transport: new WebSocketTransport({ server: http }),
    presence,
    greet: false,
    gracefullyShutdown: false,
  })
  const roomOptions: BranchRoomOptions = { maxClients: config.maxClients, reconnectSeconds: config.reconnectSeconds }
  game.define(ROOMS.branch, BranchRoom, roomOptions)

  return {
    http,
    game,
    presence,
    async listen() {
      await game.listen(config.port, config.host)
      return (http.address() as AddressInfo).port
    },
    async close() {
      await matchMaker.disconnectAll()
      await game.gracefullyShutdown(false)
    },
  }
}

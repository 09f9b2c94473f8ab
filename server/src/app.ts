import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import { OpenAIRephraser, ROOMS } from '@atrium/common'
import { LocalPresence, matchMaker, Server, type Presence } from '@colyseus/core'
import { RedisDriver } from '@colyseus/redis-driver'
import { RedisPresence } from '@colyseus/redis-presence'
import { WebSocketTransport } from '@colyseus/ws-transport'

import type { ServerConfig } from './config.ts'
import { createApiHandler } from './http/api.ts'
import { contentSecurityPolicy, sendError } from './http/respond.ts'
import { createStaticHandler } from './http/staticFiles.ts'
import { openDatabase } from './db/database.ts'
import { BranchRoom, type BranchRoomOptions } from './rooms/BranchRoom.ts'
import { defineAdvisorRooms } from './rooms/advisors/defineAdvisorRooms.ts'
import { defineEventRooms } from './rooms/events/defineEventRooms.ts'
import { defineSandboxRooms } from './rooms/sandbox/defineSandboxRooms.ts'
import { seedDemoAccounts } from './services/accounts/demoAccounts.ts'
import { setRoomAuth } from './services/auth.ts'
import { createServices, type Services } from './services/createServices.ts'
import { loadHostBrain } from './services/host/loadBrain.ts'
import { resolveLivekitKeys } from './services/media/livekitKeys.ts'
import { MediaService } from './services/media/MediaService.ts'
import { resolveSecret, TokenService } from './services/tokens.ts'

export interface AtriumServer {
  http: HttpServer
  game: Server
  presence: Presence
  services: Services
  /** Voice and video on LiveKit (tokens, moderation, webhooks). */
  media: MediaService
  /** Demo account lines to print once (development, first start on an empty database). */
  demoAccounts: string[] | undefined
  /** Resolves with the bound port. */
  listen(): Promise<number>
  close(): Promise<void>
}

/** Opens (and migrates) the database, then wires the HTTP API, static client and rooms onto one port. */
export async function createAtriumServer(config: ServerConfig): Promise<AtriumServer> {
  const tokens = new TokenService(resolveSecret(config.secret, config.dataDir))
  // with Redis, presence (rate limits, revocations, chat history, instance numbers) and the room
  // listing are shared by every process; without it, one process keeps them in memory
  const presence = config.redisUrl ? new RedisPresence(config.redisUrl) : new LocalPresence()
  const driver = config.redisUrl ? new RedisDriver(config.redisUrl) : undefined
  const db = await openDatabase({ url: config.databaseUrl, sqlitePath: config.sqlitePath })
  // the knowledge base is validated and indexed at start, so a broken entry stops the server with a clear error
  const brain = loadHostBrain(config.knowledgeDir)
  const services = createServices(db, presence, tokens, {
    scrypt: config.scrypt,
    limits: config.limits,
    brain: () => brain,
    rephraser: config.llm && new OpenAIRephraser(config.llm),
  })
  setRoomAuth(tokens, services.sessions)
  const lk = config.livekit
  const media = new MediaService(
    db,
    presence,
    services.audit,
    lk && { url: lk.url, apiUrl: lk.apiUrl, ...resolveLivekitKeys(lk.apiKey, lk.apiSecret, config.dataDir) },
  )
  const demoAccounts = config.demoAccounts && !config.production ? await seedDemoAccounts(services.accounts) : undefined
  const api = createApiHandler({
    services,
    media,
    secureCookies: config.production,
    config: { maxClients: config.maxClients, version: '0.1.0', demo: config.demoAccounts && !config.production },
  })
  const files = config.staticDir ? createStaticHandler(config.staticDir) : undefined

  const csp = contentSecurityPolicy(lk?.url)
  const http = createServer((req, res) => {
    // every response carries it; handlers' writeHead adds the other security headers
    res.setHeader('Content-Security-Policy', csp)
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
    ...(driver && { driver }),
    ...(config.publicAddress && { publicAddress: config.publicAddress }),
    greet: false,
    gracefullyShutdown: false,
  })
  const roomOptions: BranchRoomOptions = { maxClients: config.maxClients, reconnectSeconds: config.reconnectSeconds }
  game.define(ROOMS.branch, BranchRoom, roomOptions)
  defineAdvisorRooms(game, services, media)
  defineEventRooms(game, services, media)
  defineSandboxRooms(game, services)

  return {
    http,
    game,
    presence,
    services,
    media,
    demoAccounts,
    async listen() {
      await game.listen(config.port, config.host)
      return (http.address() as AddressInfo).port
    },
    async close() {
      await matchMaker.disconnectAll()
      await game.gracefullyShutdown(false)
      await db.close()
    },
  }
}

import { createHash } from 'node:crypto'
import { createServer } from 'node:net'

import { AccessToken } from 'livekit-server-sdk'
import WebSocket from 'ws'

import { findLivekitServer, startLivekit, type RunningLivekit } from '../../scripts/livekit.mjs'
import { LIFTED_LIMITS } from './accountHelpers.ts'
import { startServer, type TestServer } from './helpers.ts'

/**
 * The livekit-server binary for the media tests: found, or built with Go (once, about two minutes). Without one the
 * media suite is skipped locally (npm test still counts a skip as a failure) and fails outright with CI=true, with
 * the install instructions either way.
 */
export function livekitBinary(): string | undefined {
  try {
    return findLivekitServer({ build: true })
  } catch (e) {
    if (process.env.CI === 'true') throw e
    console.warn(`[media tests skipped] ${e instanceof Error ? e.message : String(e)}`)
    return undefined
  }
}

/** A free TCP port on loopback (LiveKit needs the Atrium webhook URL before Atrium starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      const port = typeof address === 'object' && address ? address.port : 0
      srv.close(() => resolve(port))
    })
  })
}

/** Signs a webhook body as livekit-server does: a JWT from the API key whose `sha256` claim is the body's hash. */
export async function signWebhook(body: string, apiKey: string, apiSecret: string): Promise<string> {
  const at = new AccessToken(apiKey, apiSecret, { ttl: 60 })
  at.sha256 = createHash('sha256').update(body).digest('base64')
  return at.toJwt()
}

/** A webhook body in LiveKit's JSON form. */
export function webhookBody(event: string, room: string, identity?: string): string {
  return JSON.stringify({
    event,
    room: { sid: 'RM_test', name: room },
    ...(identity && { participant: { sid: 'PA_test', identity, state: 'ACTIVE' } }),
    id: `EV_${Math.random().toString(36).slice(2, 12)}`,
    createdAt: String(Math.floor(Date.now() / 1000)),
  })
}

/**
 * Joins a LiveKit room over the signalling WebSocket only (no WebRTC stack in Node): the server admits the
 * participant (state JOINING) with the permissions of its token, which is enough to moderate it. It never
 * publishes media; publish refusal in a browser is the client half's test.
 */
export async function signalOnlyJoin(url: string, token: string): Promise<WebSocket> {
  const ws = new WebSocket(`${url}/rtc?access_token=${token}&protocol=15&sdk=js&version=2.9.0&auto_subscribe=1`)
  await new Promise<void>((resolve, reject) => {
    ws.once('message', () => resolve())
    ws.once('unexpected-response', (_req, res) => reject(new Error(`signalling refused: ${res.statusCode}`)))
    ws.once('error', reject)
  })
  return ws
}

/** Polls until `check` returns a value other than undefined (or times out). */
export async function until<T>(check: () => Promise<T | undefined>, what: string, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const v = await check()
    if (v !== undefined) return v
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** An Atrium test server wired to a real livekit-server on loopback, which posts its webhooks back to it. */
export interface MediaStack {
  t: TestServer
  lk: RunningLivekit
  stop(): Promise<void>
}

/** Starts livekit-server (random keys, webhooks to Atrium) and an Atrium server configured for it. */
export async function startMediaStack(): Promise<MediaStack> {
  const port = await freePort()
  const lk = await startLivekit({ webhookUrl: `http://127.0.0.1:${port}/api/media/webhook` })
  try {
    const t = await startServer({
      port,
      limits: LIFTED_LIMITS,
      livekit: { url: lk.url, apiUrl: lk.httpUrl, apiKey: lk.apiKey, apiSecret: lk.apiSecret },
    })
    return {
      t,
      lk,
      async stop() {
        await lk.stop()
        await t.server.close()
      },
    }
  } catch (e) {
    await lk.stop()
    throw e
  }
}

import {
  BranchState,
  C2S,
  CLOSE_ABUSE,
  CLOSE_SESSION_ENDED,
  NET,
  POSE_FRAME_TYPE,
  ROOMS,
  S2C,
  ZONE_IDS,
  type ChatLine,
  type PlacedMsg,
  type RoomErrorMsg,
  type ZoneId,
} from '@atrium/common'
import { Client, getStateCallbacks, type Room } from 'colyseus.js'

import { placeAt } from '../player/localPlayer.ts'
import { useAppStore } from '../state/useAppStore.ts'
import { RemoteAvatars } from './RemoteAvatars.ts'
import { receiveUserNotice } from './userNotices.ts'

/** Close codes that mean the visitor chose to leave (no reconnection attempt). */
const CONSENTED = new Set([1000, 4000])

/**
 * One visit to the branch: the Colyseus room, its state callbacks, and reconnection.
 * Slow state goes to the app store; poses go to `remotes` for the render loop.
 */
export class BranchConnection {
  readonly remotes = new RemoteAvatars()
  room: Room<BranchState> | undefined
  /** Called with a server correction (the last accepted head position). */
  onCorrection: ((p: { x: number; y: number; z: number }) => void) | undefined
  /** Set once the server has said where this visitor stands; no pose is sent before. */
  placed = false
  private readonly client: Client
  private leaving = false

  constructor(endpoint: string = defaultEndpoint()) {
    this.client = new Client(endpoint)
  }

  /** Joins (or creates) an atrium instance with a guest token or an account's access token. */
  async join(session: { token: string }): Promise<void> {
    useAppStore.getState().set({ status: 'connecting' })
    this.client.auth.token = session.token
    const room = await this.client.joinOrCreate(ROOMS.branch, {}, BranchState)
    this.attach(room)
  }

  send(type: (typeof C2S)[keyof typeof C2S], message: unknown): void {
    const room = this.room
    // once leaving, the socket may be closing: a send would only log an error
    if (room && room.connection.isOpen && !this.leaving) room.send(type, message)
  }

  travel(zone: ZoneId): void {
    this.send(C2S.travel, { zone })
  }

  async leave(): Promise<void> {
    if (this.leaving) return
    this.leaving = true
    // the server may already be closing the socket (an ended session): then there is nothing to send
    if (this.room?.connection.isOpen) await this.room.leave(true)
  }

  private attach(room: Room<BranchState>): void {
    this.room = room
    const store = useAppStore.getState()
    store.set({ status: 'connected', sessionId: room.sessionId, reconnectLeft: 0 })
    const $ = getStateCallbacks(room)
    $(room.state).listen('instance', (n) => useAppStore.getState().set({ instance: n, spilled: n > 1 }))
    $(room.state).listen('maxClients', (n) => useAppStore.getState().set({ maxClients: n }))
    $(room.state).avatars.onAdd((avatar, sessionId) => {
      const sync = () => {
        const zone: ZoneId = ZONE_IDS[avatar.zone] ?? 'atrium'
        useAppStore.getState().upsertPerson({
          sessionId,
          id: avatar.id,
          name: avatar.name,
          look: avatar.look,
          zone,
          connected: avatar.connected,
          speaking: avatar.speaking,
        })
        if (sessionId === room.sessionId) {
          if (useAppStore.getState().myZone !== zone) useAppStore.getState().set({ myZone: zone })
          return
        }
        this.remotes.upsert({
          sessionId,
          id: avatar.id,
          slot: avatar.slot,
          name: avatar.name,
          look: avatar.look,
          speaking: avatar.speaking,
          connected: avatar.connected,
        })
      }
      sync()
      $(avatar).onChange(sync)
    })
    $(room.state).avatars.onRemove((_avatar, sessionId) => {
      this.remotes.remove(sessionId)
      useAppStore.getState().removePerson(sessionId)
    })
    room.onMessage(POSE_FRAME_TYPE, (bytes: Uint8Array) => this.remotes.ingest(bytes, performance.now()))
    room.onMessage(S2C.chatHistory, (lines: ChatLine[]) => useAppStore.getState().addChat(lines))
    room.onMessage(S2C.chat, (line: ChatLine) => useAppStore.getState().addChat([line]))
    room.onMessage(S2C.error, (e: RoomErrorMsg) =>
      useAppStore.getState().set({ lastError: { code: e.code, at: Date.now() } }),
    )
    room.onMessage(S2C.correction, (p: { x: number; y: number; z: number }) => this.onCorrection?.(p))
    room.onMessage(S2C.notice, receiveUserNotice)
    room.onMessage(S2C.placed, (p: PlacedMsg) => {
      placeAt(p.x, p.z, p.yaw)
      this.placed = true
    })
    room.onLeave((code) => void this.onDropped(code))
  }

  /** Retries the reconnection token until the server's 20 s window closes. */
  private async onDropped(code: number): Promise<void> {
    if (this.leaving || CONSENTED.has(code)) return useAppStore.getState().set({ status: 'disconnected' })
    if (code === CLOSE_ABUSE) return useAppStore.getState().set({ status: 'kicked' })
    if (code === CLOSE_SESSION_ENDED) return useAppStore.getState().set({ status: 'ended' })
    const token = this.room?.reconnectionToken
    const deadline = Date.now() + NET.reconnectSeconds * 1000
    while (token && Date.now() < deadline && !this.leaving) {
      useAppStore.getState().set({ status: 'reconnecting', reconnectLeft: Math.ceil((deadline - Date.now()) / 1000) })
      try {
        const room = await this.client.reconnect<BranchState>(token, BranchState)
        this.remotes.clear()
        useAppStore.getState().set({ people: {} })
        this.attach(room)
        return
      } catch {
        await new Promise((r) => setTimeout(r, 1500))
      }
    }
    useAppStore.getState().set({ status: 'disconnected' })
  }
}

/** The WebSocket endpoint of the page's own origin. */
function defaultEndpoint(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`
}

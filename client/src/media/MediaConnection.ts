import { C2S, type MediaRoomRef, type MediaTokenResponse } from '@atrium/common'
import { DisconnectReason, Room } from 'livekit-client'

import { sendRequest } from '../auth/http.ts'
import type { BranchConnection } from '../net/BranchConnection.ts'
import type { RemoteAvatar } from '../net/RemoteAvatars.ts'
import { useAppStore } from '../state/useAppStore.ts'
import { bindRoomEvents, type RoomEventSink } from './bindRoomEvents.ts'
import { JOIN_RETRY_DELAYS_MS, joinRetryDelay, rejoinsAfter } from './joinRetry.ts'
import { mediaRoomOverride } from './mediaRoomOverride.ts'
import { isMeeting, publishSources, roomKindForZone, sameRoom, targetRoom } from './mediaRooms.ts'
import { EMPTY_ROOM_STATE, mediaStore, type MediaUiState } from './mediaStore.ts'
import { installMediaTestHook } from './mediaTestHook.ts'
import { fetchMediaToken, type BearerSource } from './mediaToken.ts'
import { MediaTokens } from './MediaTokens.ts'
import { RemoteTracks } from './RemoteTracks.ts'
import type { RemoteVoice } from './RemoteVoices.ts'
import { SUBSCRIPTION_HZ } from './spatial.ts'
import { VoiceMedia } from './VoiceMedia.ts'
import { localVideoState, setLocalVideo, unpublishDisallowedVideo } from './video/localVideo.ts'

/** A zone change switches media rooms only once the visitor has stayed this long (walking through a doorway). */
export const ROOM_SWITCH_DEBOUNCE_MS = 400
/** Levels (own microphone and remote voices) are read this often. */
const LEVEL_INTERVAL_MS = 50
const NO_VOICES: ReadonlyMap<string, RemoteVoice> = new Map()

/**
 * The visitor's voice and video in one branch instance: one LiveKit room at a time. By zone that is `atrium-<n>`
 * (spatial voice: selective subscription by distance and zone, panners at each avatar's head) or `auditorium-<n>`
 * (meeting mode); an override (`setMediaRoomOverride`: a suite session, an event) takes precedence until cleared.
 * The microphone is published muted; camera and screen share only on request and where the grant allows. Fast data
 * (levels, positions, video elements) lives here and is read in `useFrame`; the HUD reads `mediaStore`.
 */
export class MediaConnection implements RoomEventSink {
  room: Room | undefined
  /** The room joined (or being joined). */
  ref: MediaRoomRef | undefined
  /** The other participants' voices and video feeds. */
  readonly tracks = new RemoteTracks(this, (partial) => this.set(partial))
  /** Audio: the visit's AudioContext, remote voices and the microphone (once the server offers media). */
  voice: VoiceMedia | undefined
  private readonly timers: ReturnType<typeof setInterval>[] = []
  private readonly tokens: MediaTokens
  private stopped = false
  /** When the current room's join began (`performance.now()`), for the join-latency benchmark. */
  joinStartedAt = 0
  /** Milliseconds after `joinStartedAt` when the token arrived and the room connected. */
  readonly joinPhases = { token: NaN, connect: NaN }
  private switchTimer: ReturnType<typeof setTimeout> | undefined
  private retryTimer: ReturnType<typeof setTimeout> | undefined
  private readonly unsubscribers: (() => void)[] = []
  /** Bumped on every room switch: work for an older room stops when it sees a newer one. */
  private generation = 0
  /** Permission changes are applied one after another (opening the microphone takes a while). */
  private permissions: Promise<void> = Promise.resolve()

  constructor(
    private readonly branch: BranchConnection,
    private readonly instance: number,
    bearer: BearerSource,
  ) {
    this.tokens = new MediaTokens(
      (ref) => fetchMediaToken(bearer, ref),
      () => this.tokenRefreshed(),
    )
  }

  /** The room kind now joined: `atrium`, `auditorium` or `suite`. */
  get kind(): string {
    return this.ref?.room ?? roomKindForZone(useAppStore.getState().myZone)
  }
  get roomName(): string {
    return this.tokens.current?.roomName ?? ''
  }
  get identity(): string {
    return this.tokens.current?.identity ?? ''
  }
  /** Meeting mode (suites, auditorium): voices heard without distance fall-off. */
  get meeting(): boolean {
    return this.ref !== undefined && isMeeting(this.ref)
  }
  /** Remote microphones by identity. */
  get voices(): ReadonlyMap<string, RemoteVoice> {
    return this.voice?.remote.map ?? NO_VOICES
  }

  private set(partial: Partial<MediaUiState>): void {
    if (!this.stopped) mediaStore.setState(partial)
  }

  /** Connects if the server has a media server; never throws (failures show as `failed`/`unavailable`). */
  async start(): Promise<void> {
    mediaStore.setState({
      ...EMPTY_ROOM_STATE,
      state: 'connecting',
      connection: this,
      micError: false,
      videoError: undefined,
    })
    try {
      const config = (await sendRequest('/api/config')) as { media?: { url: string } | null } | undefined
      if (this.stopped) return
      if (!config?.media) return this.set({ state: 'unavailable' })
      this.voice = new VoiceMedia(
        () => this.room,
        (partial) => this.set(partial),
        (speaking) => this.branch.send(C2S.speaking, { speaking }),
      )
      this.unsubscribers.push(installMediaTestHook(this))
      this.timers.push(setInterval(() => this.evaluate(), 1000 / SUBSCRIPTION_HZ))
      this.timers.push(setInterval(() => this.voice?.readLevels(), LEVEL_INTERVAL_MS))
      this.unsubscribers.push(
        useAppStore.subscribe((s, prev) => s.myZone !== prev.myZone && this.retarget(ROOM_SWITCH_DEBOUNCE_MS)),
        mediaRoomOverride.subscribe(() => this.retarget(0)),
      )
      await this.joinOrRetry(this.desired())
      void this.voice.listDevices()
    } catch (e) {
      console.warn('voice unavailable:', e)
      this.set({ state: 'failed' })
    }
  }

  private desired(): MediaRoomRef {
    return targetRoom(useAppStore.getState().myZone, this.instance, mediaRoomOverride.getState().ref)
  }

  /** The zone or the override changed: after `delay` (a doorway is walked through), move to the room now wanted. */
  private retarget(delay: number): void {
    clearTimeout(this.switchTimer)
    if (this.stopped) return
    this.switchTimer = setTimeout(() => {
      const want = this.desired()
      if (this.stopped || sameRoom(want, this.ref)) return
      void this.joinOrRetry(want)
    }, delay)
  }

  /**
   * Joins `ref`. A join that fails for the network's or the media server's sake (a peer connection that did not come
   * up, often on a page still busy building its scene) is tried again with backoff, showing `reconnecting`, for as
   * long as the same room is wanted; a refusal by the Atrium server shows `failed` (see joinRetry.ts).
   */
  private joinOrRetry(ref: MediaRoomRef, attempt = 0): Promise<void> {
    clearTimeout(this.retryTimer)
    return this.join(ref).catch((e: unknown) => {
      if (this.stopped || this.ref !== ref) return
      console.warn('media join failed:', e)
      this.leaveRoom()
      const delay = joinRetryDelay(e, attempt)
      if (delay === undefined) this.set({ ...EMPTY_ROOM_STATE, state: 'failed', roomRef: ref })
      else this.retryLater(ref, attempt + 1, delay)
    })
  }

  private retryLater(ref: MediaRoomRef, attempt: number, delay: number): void {
    this.set({ ...EMPTY_ROOM_STATE, state: 'reconnecting', roomRef: ref })
    clearTimeout(this.retryTimer)
    this.retryTimer = setTimeout(() => {
      if (!this.stopped && this.ref === ref) void this.joinOrRetry(ref, attempt)
    }, delay)
  }

  /** Leaves the current media room (if any) and joins `ref`. */
  private async join(ref: MediaRoomRef): Promise<void> {
    const gen = ++this.generation
    this.joinStartedAt = performance.now()
    this.ref = ref
    this.leaveRoom()
    this.set({ ...EMPTY_ROOM_STATE, state: 'connecting', roomRef: ref })
    const res = await this.tokens.fetch(ref)
    this.joinPhases.token = performance.now() - this.joinStartedAt
    if (this.stopped || gen !== this.generation) return
    // adaptive stream off: it would pause video whose element is not on the page, and ours are textures
    const room = new Room({ adaptiveStream: false, dynacast: false, webAudioMix: { audioContext: this.voice!.ctx } })
    this.room = room
    bindRoomEvents(room, this.tracks, this, () => room === this.room && !this.stopped)
    await room.connect(res.url, res.token, { autoSubscribe: false })
    this.joinPhases.connect = performance.now() - this.joinStartedAt
    if (this.stopped || gen !== this.generation) return void room.disconnect()
    this.connected(room, res)
  }

  /** A room connected (first join or after a token refresh): adopt what is already published there. */
  private connected(room: Room, res: MediaTokenResponse): void {
    this.set({ state: 'connected', roomName: res.roomName, canPublish: res.canPublish })
    this.tracks.adopt(room)
    this.voice?.updateBlocked()
    void this.applyPermissions()
  }

  /** Disconnects the current room, dropping its voices, videos and the published microphone. */
  private leaveRoom(): void {
    this.tracks.clear()
    this.voice?.leave()
    const room = this.room
    this.room = undefined
    void room?.disconnect()
  }

  /** Publishes exactly what the live connection may publish now (the token's grant or a moderator's live change). */
  private applyPermissions(): Promise<void> {
    this.permissions = this.permissions
      .then(() => this.applyPermissionsNow())
      .catch((e: unknown) => console.warn('media permissions:', e))
    return this.permissions
  }

  private async applyPermissionsNow(): Promise<void> {
    const room = this.room
    if (!room || !this.voice || this.stopped) return
    const sources = publishSources(room.localParticipant.permissions, this.tokens.current?.canPublish ?? [])
    this.set({ canPublish: sources })
    await this.voice.applyPermission(room, sources, () => room === this.room && !this.stopped, this.meeting)
    await unpublishDisallowedVideo(room, sources)
    this.localVideoChanged()
  }

  /** Leaves the media room and releases the microphone, camera and audio context. */
  stop(): void {
    if (this.stopped) return
    this.voice?.mic.quiet()
    this.stopped = true
    for (const t of this.timers) clearInterval(t)
    this.tokens.stop()
    clearTimeout(this.switchTimer)
    clearTimeout(this.retryTimer)
    for (const off of this.unsubscribers) off()
    this.tracks.clear()
    void this.room?.disconnect()
    this.voice?.close()
    mediaStore.setState({
      ...EMPTY_ROOM_STATE,
      state: 'off',
      connection: undefined,
      audioBlocked: false,
      roomRef: undefined,
    })
  }

  /** Turns the camera or screen share on or off; a refusal (no device, picker cancelled) shows as `videoError`. */
  async setVideoEnabled(source: 'camera' | 'screen_share', on: boolean): Promise<void> {
    const room = this.room
    if (!room) return
    try {
      await setLocalVideo(room, source, on)
      this.set({ videoError: undefined })
    } catch (e) {
      console.warn(`${source} unavailable:`, e)
      this.set({ videoError: source })
    }
    this.localVideoChanged()
  }

  /** Per frame: the listener at the local head, each voice's panner at its avatar's head. */
  updatePositions(now: number): void {
    if (!this.stopped) this.voice?.updatePositions(this.branch.remotes, now)
  }

  /** A few times a second: voice subscriptions by distance and zone, and which avatar each feed belongs to. */
  private evaluate(): void {
    const byId = new Map<string, RemoteAvatar>()
    for (const a of this.branch.remotes.bySession.values()) byId.set(a.id, a)
    const { people, myZone } = useAppStore.getState()
    this.voice?.evaluate(byId, (a) => people[a.sessionId]?.zone, myZone, this.meeting)
    this.tracks.videos.linkAvatars(byId)
  }

  /** A connected room keeps its session on a new token; only one that dropped connects again with it. */
  private async tokenRefreshed(): Promise<void> {
    const room = this.room
    const res = this.tokens.current
    if (!room || !res || this.stopped || room.state !== 'disconnected') return
    this.set({ state: 'reconnecting' })
    await room.connect(res.url, res.token, { autoSubscribe: false })
    this.voice?.mic.release()
    this.connected(room, res)
  }

  localPermissionsChanged(): void {
    void this.applyPermissions()
  }
  localVideoChanged(): void {
    this.set(localVideoState(this.room))
  }
  audioPlaybackChanged(): void {
    this.voice?.updateBlocked()
  }
  connectionChanged(state: 'reconnecting' | 'connected'): void {
    this.set({ state })
  }
  /** The room dropped after LiveKit's own resume gave up: join again, unless it was meant (see `rejoinsAfter`). */
  disconnected(reason: DisconnectReason | undefined): void {
    if (reason === DisconnectReason.CLIENT_INITIATED) return
    this.tracks.clear()
    this.voice?.mic.quiet()
    const ref = this.ref
    if (ref && rejoinsAfter(reason)) this.retryLater(ref, 0, JOIN_RETRY_DELAYS_MS[0])
    else this.set({ ...EMPTY_ROOM_STATE, state: 'failed' })
  }
}

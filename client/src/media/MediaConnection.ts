import { C2S, createPose, type MediaPublishSource, type MediaTokenResponse } from '@atrium/common'
import {
  ConnectionState,
  createLocalAudioTrack,
  DisconnectReason,
  RemoteAudioTrack,
  Room,
  RoomEvent,
  Track,
  type LocalAudioTrack,
  type Participant,
  type RemoteParticipant,
  type RemoteTrack,
  type RemoteTrackPublication,
} from 'livekit-client'
import { Vector3 } from 'three'

import { sendRequest } from '../auth/http.ts'
import type { BranchConnection } from '../net/BranchConnection.ts'
import type { RemoteAvatar } from '../net/RemoteAvatars.ts'
import { localPlayer } from '../player/localPlayer.ts'
import { useAppStore } from '../state/useAppStore.ts'
import { mediaStore, type MediaUiState } from './mediaStore.ts'
import { installMediaTestHook } from './mediaTestHook.ts'
import { distanceTo, PANNER, rms, setListenerPose, setPosition, shouldSubscribe, SUBSCRIPTION_HZ } from './spatial.ts'
import { SpeakingGate } from './speakingGate.ts'

/** Ask for a fresh token this long before the current one expires. */
const REFRESH_MARGIN_MS = 60_000
/** A zone change switches media rooms only once the visitor has stayed this long (walking through a doorway). */
export const ROOM_SWITCH_DEBOUNCE_MS = 400
/** LiveKit's TrackSource.MICROPHONE (protocol enum), as carried in live permission updates. */
const MICROPHONE_SOURCE = 2

/** Which media room of the instance: the atrium (spatial) or the auditorium (meeting: no distance fall-off). */
export type ZoneRoomKind = 'atrium' | 'auditorium'

/** The media room for a zone: the auditorium has its own, every other zone shares the atrium's. */
export function roomKindForZone(zone: string): ZoneRoomKind {
  return zone === 'auditorium' ? 'auditorium' : 'atrium'
}

/** Levels (own microphone and remote voices) are read this often. */
const LEVEL_INTERVAL_MS = 50
/** A remote level holds its peak and decays by this factor per reading, so short sounds show. */
const LEVEL_DECAY = 0.9

/** One remote participant's microphone and the audio nodes it plays through. */
interface RemoteVoice {
  identity: string
  publication: RemoteTrackPublication | undefined
  track: RemoteTrack | undefined
  element: HTMLMediaElement | undefined
  panner: PannerNode
  analyser: AnalyserNode
  level: number
  /** Last position written to the panner (world metres). */
  position: [number, number, number]
  avatar: RemoteAvatar | undefined
}

/** Where a bearer token for the Atrium API comes from: the guest token or the account's access token. */
export type BearerSource = () => Promise<string>

/**
 * The visitor's voice in one branch instance: one LiveKit room at a time, `atrium-<instance>` (spatial: selective
 * subscription by distance and zone, Web Audio panners at each avatar's head) or, while the visitor is in the
 * auditorium zone, `auditorium-<instance>` (meeting: every speaker heard without distance fall-off; the microphone
 * only when the token or a live promotion allows it). The microphone is published muted. Fast data (levels,
 * positions) lives here and is read in `useFrame`; the HUD reads `mediaStore`.
 */
export class MediaConnection {
  room: Room | undefined
  readonly voices = new Map<string, RemoteVoice>()
  mic: LocalAudioTrack | undefined
  micLevel = 0
  private ctx: AudioContext | undefined
  private micAnalyser: AnalyserNode | undefined
  private micSource: MediaStreamAudioSourceNode | undefined
  private readonly gate = new SpeakingGate()
  private readonly samples = new Float32Array(512)
  private readonly timers: ReturnType<typeof setInterval>[] = []
  private refreshTimer: ReturnType<typeof setTimeout> | undefined
  private stopped = false
  private url = ''
  private token = ''
  /** The media room now joined (or being joined) and the one the visitor's zone asks for. */
  kind: ZoneRoomKind = roomKindForZone(useAppStore.getState().myZone)
  roomName = ''
  identity = ''
  /** When the current room's join began (`performance.now()`), for the join-latency benchmark. */
  joinStartedAt = 0
  /** Milliseconds after `joinStartedAt` when the token arrived and the room connected. */
  readonly joinPhases = { token: NaN, connect: NaN }
  private switchTimer: ReturnType<typeof setTimeout> | undefined
  private unsubscribeZone: (() => void) | undefined
  /** Bumped on every room switch: work for an older room stops when it sees a newer one. */
  private generation = 0
  private removeHook: (() => void) | undefined
  /** What the last token allowed to publish (live permission changes take over once connected). */
  private tokenCanPublish: MediaPublishSource[] = []
  /** Permission changes are applied one after another (opening the microphone takes a while). */
  private permissions: Promise<void> = Promise.resolve()
  private readonly pose = createPose()
  private readonly forward = new Vector3()
  private readonly up = new Vector3()

  constructor(
    private readonly branch: BranchConnection,
    private readonly instance: number,
    private readonly bearer: BearerSource,
  ) {}

  private set(partial: Partial<MediaUiState>): void {
    if (!this.stopped) mediaStore.setState(partial)
  }

  /** Connects if the server has a media server; never throws (failures show as `failed`/`unavailable`). */
  async start(): Promise<void> {
    mediaStore.setState({
      state: 'connecting',
      connection: this,
      micEnabled: false,
      micError: false,
      canPublish: [],
      roomName: undefined,
    })
    try {
      const config = (await sendRequest('/api/config')) as { media?: { url: string } | null } | undefined
      if (this.stopped) return
      if (!config?.media) return this.set({ state: 'unavailable' })
      this.ctx = new AudioContext({ latencyHint: 'interactive' })
      this.removeHook = installMediaTestHook(this)
      this.timers.push(setInterval(() => this.evaluate(), 1000 / SUBSCRIPTION_HZ))
      this.timers.push(setInterval(() => this.readLevels(), LEVEL_INTERVAL_MS))
      this.unsubscribeZone = useAppStore.subscribe((s, prev) => {
        if (s.myZone !== prev.myZone) this.zoneChanged(roomKindForZone(s.myZone))
      })
      await this.join(roomKindForZone(useAppStore.getState().myZone))
      void this.listDevices()
    } catch (e) {
      console.warn('voice unavailable:', e)
      this.set({ state: 'failed' })
    }
  }

  /** The visitor's zone now asks for `kind`: switch rooms once they have stayed a moment. */
  private zoneChanged(kind: ZoneRoomKind): void {
    clearTimeout(this.switchTimer)
    if (this.stopped) return
    this.switchTimer = setTimeout(() => {
      if (this.stopped || kind === this.kind) return
      void this.join(kind).catch((e: unknown) => {
        console.warn('voice room switch failed:', e)
        this.set({ state: 'failed' })
      })
    }, ROOM_SWITCH_DEBOUNCE_MS)
  }

  /** Leaves the current media room (if any) and joins the instance's room of `kind`. */
  private async join(kind: ZoneRoomKind): Promise<void> {
    const gen = ++this.generation
    this.joinStartedAt = performance.now()
    this.kind = kind
    this.leaveRoom()
    this.set({ state: 'connecting', canPublish: [], roomName: undefined, micEnabled: false })
    await this.fetchToken()
    this.joinPhases.token = performance.now() - this.joinStartedAt
    if (this.stopped || gen !== this.generation) return
    const room = new Room({ adaptiveStream: false, dynacast: false, webAudioMix: { audioContext: this.ctx! } })
    this.room = room
    this.listen(room)
    await room.connect(this.url, this.token, { autoSubscribe: false })
    this.joinPhases.connect = performance.now() - this.joinStartedAt
    if (this.stopped || gen !== this.generation) return void room.disconnect()
    for (const p of room.remoteParticipants.values()) {
      for (const pub of p.trackPublications.values()) this.onPublished(pub, p)
    }
    this.set({ state: 'connected', roomName: this.roomName, canPublish: this.tokenCanPublish })
    this.updateAudioBlocked()
    await this.applyPermissions()
  }

  /** Disconnects the current room, dropping its voices and the published microphone. */
  private leaveRoom(): void {
    if (this.gate.reset()) this.branch.send(C2S.speaking, { speaking: false })
    for (const id of [...this.voices.keys()]) this.removeVoice(id)
    const room = this.room
    this.room = undefined
    this.mic?.stop()
    this.mic = undefined
    this.micSource?.disconnect()
    this.micSource = undefined
    void room?.disconnect()
  }

  /** Whether the meeting mode applies: auditorium voices are heard without distance fall-off. */
  get meeting(): boolean {
    return this.kind === 'auditorium'
  }

  /**
   * What the live connection may publish now (the token's grant, or a moderator's live change) decides whether the
   * microphone is published: opened when allowed, unpublished and released when not.
   */
  private applyPermissions(): Promise<void> {
    this.permissions = this.permissions
      .then(() => this.applyPermissionsNow())
      .catch((e: unknown) => {
        console.warn('voice permissions:', e)
      })
    return this.permissions
  }

  private async applyPermissionsNow(): Promise<void> {
    const room = this.room
    if (!room || this.stopped) return
    const perm = room.localParticipant.permissions
    const sources: MediaPublishSource[] = perm
      ? perm.canPublish
        ? perm.canPublishSources.length === 0
          ? ['microphone', 'camera', 'screen_share']
          : perm.canPublishSources.includes(MICROPHONE_SOURCE as never)
            ? ['microphone']
            : []
        : []
      : this.tokenCanPublish
    const allowed = sources.includes('microphone')
    this.set({ canPublish: sources })
    if (allowed && !this.mic) await this.openMic(mediaStore.getState().deviceId)
    else if (!allowed && this.mic) {
      const mic = this.mic
      this.mic = undefined
      this.micSource?.disconnect()
      this.micSource = undefined
      if (this.gate.reset()) this.branch.send(C2S.speaking, { speaking: false })
      await room.localParticipant.unpublishTrack(mic, true).catch(() => mic.stop())
      this.set({ micEnabled: false })
    }
  }

  /** Leaves the media room and releases the microphone and audio context. */
  stop(): void {
    if (this.stopped) return
    if (this.gate.reset()) this.branch.send(C2S.speaking, { speaking: false })
    this.stopped = true
    for (const t of this.timers) clearInterval(t)
    clearTimeout(this.refreshTimer)
    clearTimeout(this.switchTimer)
    this.unsubscribeZone?.()
    this.removeHook?.()
    void this.room?.disconnect()
    this.mic?.stop()
    void this.ctx?.close().catch(() => undefined)
    mediaStore.setState({
      state: 'off',
      connection: undefined,
      micEnabled: false,
      audioBlocked: false,
      canPublish: [],
      roomName: undefined,
    })
  }

  /** Turns the microphone on or off (muting keeps it published). Also resumes audio: it is a user gesture. */
  async setMicEnabled(on: boolean): Promise<void> {
    this.enableAudio()
    const mic = this.mic
    if (!mic) return
    if (on) await mic.unmute()
    else {
      await mic.mute()
      if (this.gate.reset()) this.branch.send(C2S.speaking, { speaking: false })
    }
    this.set({ micEnabled: on })
  }

  /** From a user gesture: lets audio play where the browser blocked it. */
  enableAudio(): void {
    void this.ctx?.resume().then(() => this.updateAudioBlocked())
    void this.room?.startAudio().then(() => this.updateAudioBlocked())
  }

  /** Switches the microphone to another input device. */
  async selectDevice(deviceId: string): Promise<void> {
    mediaStore.setState({ deviceId })
    if (!this.room || !this.mic) return void (await this.openMic(deviceId))
    await this.room.switchActiveDevice('audioinput', deviceId)
    this.connectMicAnalyser()
  }

  async listDevices(): Promise<void> {
    try {
      const list = await Room.getLocalDevices('audioinput')
      this.set({ devices: list.map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Microphone ${i + 1}` })) })
    } catch {
      // no device list without permission: the picker stays empty
    }
  }

  /** Places the listener at the local head and each panner at its avatar's interpolated head (per frame). */
  updatePositions(now: number): void {
    const ctx = this.ctx
    if (!ctx || this.stopped) return
    setListenerPose(ctx.listener, localPlayer.head.p, localPlayer.head.q, this.forward, this.up)
    const remotes = this.branch.remotes
    for (const v of this.voices.values()) {
      const a = v.avatar
      if (!v.track || !a || !a.buffer.sample(remotes.renderTime(now, a), this.pose)) continue
      const p = this.pose.head.p
      v.position[0] = p[0]
      v.position[1] = p[1]
      v.position[2] = p[2]
      setPosition(v.panner, p[0], p[1], p[2])
    }
  }

  private listen(room: Room): void {
    const current = () => room === this.room && !this.stopped
    room
      .on(RoomEvent.ParticipantPermissionsChanged, (_prev, p: Participant) => {
        if (current() && p === room.localParticipant) void this.applyPermissions()
      })
      .on(RoomEvent.TrackPublished, (pub, p) => current() && this.onPublished(pub, p))
      .on(RoomEvent.TrackUnpublished, (pub, p) => {
        const v = this.voices.get(p.identity)
        if (v?.publication === pub) v.publication = undefined
      })
      .on(RoomEvent.TrackSubscribed, (track, pub, p) => current() && this.onSubscribed(track, pub, p))
      .on(RoomEvent.TrackUnsubscribed, (track, _pub, p) => current() && this.onUnsubscribed(track, p))
      .on(RoomEvent.ParticipantDisconnected, (p) => current() && this.removeVoice(p.identity))
      .on(RoomEvent.AudioPlaybackStatusChanged, () => current() && this.updateAudioBlocked())
      .on(RoomEvent.Reconnecting, () => current() && this.set({ state: 'reconnecting' }))
      .on(RoomEvent.Reconnected, () => current() && this.set({ state: 'connected' }))
      .on(RoomEvent.Disconnected, (reason) => {
        if (!current()) return
        if (reason === DisconnectReason.CLIENT_INITIATED) return
        for (const id of [...this.voices.keys()]) this.removeVoice(id)
        this.set({ state: 'failed', micEnabled: false })
      })
  }

  private onPublished(pub: RemoteTrackPublication, p: RemoteParticipant): void {
    if (pub.source !== Track.Source.Microphone || !this.ctx) return
    const v = this.voices.get(p.identity) ?? this.addVoice(p.identity)
    v.publication = pub
  }

  private addVoice(identity: string): RemoteVoice {
    const ctx = this.ctx!
    const panner = new PannerNode(ctx, { ...PANNER, coneInnerAngle: 360, coneOuterAngle: 360 })
    const analyser = new AnalyserNode(ctx, { fftSize: 512 })
    const v: RemoteVoice = {
      identity,
      publication: undefined,
      track: undefined,
      element: undefined,
      panner,
      analyser,
      level: 0,
      position: [NaN, NaN, NaN],
      avatar: undefined,
    }
    this.voices.set(identity, v)
    return v
  }

  private onSubscribed(track: RemoteTrack, pub: RemoteTrackPublication, p: RemoteParticipant): void {
    if (track.kind !== Track.Kind.Audio || pub.source !== Track.Source.Microphone) return
    const v = this.voices.get(p.identity) ?? this.addVoice(p.identity)
    v.publication = pub
    v.track = track
    // level first (before distance fall-off), then the panner; LiveKit adds its gain and the destination
    // in the auditorium's meeting mode the panner is bypassed: every speaker is heard clearly, wherever they stand
    if (track instanceof RemoteAudioTrack)
      track.setWebAudioPlugins(this.meeting ? [v.analyser] : [v.analyser, v.panner])
    v.element = track.attach()
    this.updateAudioBlocked()
  }

  private onUnsubscribed(track: RemoteTrack, p: RemoteParticipant): void {
    const v = this.voices.get(p.identity)
    track.detach().forEach((el) => el.remove())
    if (v && v.track === track) {
      v.track = undefined
      v.element = undefined
      v.level = 0
    }
  }

  private removeVoice(identity: string): void {
    const v = this.voices.get(identity)
    if (!v) return
    v.track?.detach().forEach((el) => el.remove())
    v.panner.disconnect()
    v.analyser.disconnect()
    this.voices.delete(identity)
  }

  /** Subscribes to voices within hearing range in the same zone and drops the rest (a few times a second). */
  private evaluate(): void {
    const byId = new Map<string, RemoteAvatar>()
    for (const a of this.branch.remotes.bySession.values()) byId.set(a.id, a)
    const { people, myZone } = useAppStore.getState()
    const head = localPlayer.head.p
    for (const v of this.voices.values()) {
      const a = byId.get(v.identity)
      v.avatar = a
      const pub = v.publication
      if (!pub) continue
      const p = a?.buffer.latest()?.head.p
      const sameZone = a !== undefined && people[a.sessionId]?.zone === myZone
      // meeting mode: everyone who publishes in the auditorium's room is heard
      const want =
        this.meeting ||
        (a !== undefined && p !== undefined && shouldSubscribe(distanceTo(p, head), sameZone, pub.isDesired))
      if (want !== pub.isDesired) pub.setSubscribed(want)
    }
  }

  private readLevels(): void {
    const now = performance.now()
    for (const v of this.voices.values()) {
      if (!v.track) continue
      v.analyser.getFloatTimeDomainData(this.samples)
      v.level = Math.max(rms(this.samples), v.level * LEVEL_DECAY)
    }
    if (!this.micAnalyser || !mediaStore.getState().micEnabled) {
      this.micLevel = 0
      return
    }
    this.micAnalyser.getFloatTimeDomainData(this.samples)
    this.micLevel = rms(this.samples)
    const changed = this.gate.update(this.micLevel, now)
    if (changed !== undefined) this.branch.send(C2S.speaking, { speaking: changed })
  }

  private async openMic(deviceId: string | undefined): Promise<void> {
    const room = this.room
    if (!room || this.stopped) return
    try {
      const mic = await createLocalAudioTrack({
        ...(deviceId && { deviceId }),
        echoCancellation: true,
        noiseSuppression: true,
        autoGainControl: true,
      })
      if (this.stopped || room !== this.room) return void mic.stop()
      // muted before it is published: nobody hears anything until the visitor unmutes
      await mic.mute()
      this.mic = mic
      await room.localParticipant.publishTrack(mic, { source: Track.Source.Microphone })
      this.connectMicAnalyser()
      this.set({ micError: false, micEnabled: false })
    } catch (e) {
      console.warn('microphone unavailable:', e)
      this.set({ micError: true, micEnabled: false })
    }
  }

  private connectMicAnalyser(): void {
    const ctx = this.ctx
    const track = this.mic?.mediaStreamTrack
    if (!ctx || !track) return
    this.micSource?.disconnect()
    this.micAnalyser ??= new AnalyserNode(ctx, { fftSize: 512 })
    // the analyser is never connected to the destination: the visitor does not hear themselves
    this.micSource = ctx.createMediaStreamSource(new MediaStream([track]))
    this.micSource.connect(this.micAnalyser)
  }

  private updateAudioBlocked(): void {
    const blocked = !!this.room && (!this.room.canPlaybackAudio || this.ctx?.state !== 'running')
    if (mediaStore.getState().audioBlocked !== blocked) this.set({ audioBlocked: blocked })
  }

  /** Gets a token for this instance's room of the current kind and schedules the next one before it expires. */
  private async fetchToken(): Promise<void> {
    const res = (await sendRequest('/api/media/token', {
      method: 'POST',
      token: await this.bearer(),
      body: { room: this.kind, instance: this.instance },
    })) as MediaTokenResponse
    this.url = res.url
    this.token = res.token
    this.roomName = res.roomName
    this.identity = res.identity
    this.tokenCanPublish = res.canPublish
    clearTimeout(this.refreshTimer)
    const wait = Math.max(10_000, res.expiresAt - Date.now() - REFRESH_MARGIN_MS)
    this.refreshTimer = setTimeout(() => void this.refresh(), wait)
  }

  /**
   * Keeps a valid token at hand. A connected room keeps its session (LiveKit refreshes the token on
   * the live connection itself); only a room that dropped is connected again with the new token.
   */
  private async refresh(): Promise<void> {
    if (this.stopped) return
    try {
      await this.fetchToken()
      const room = this.room
      if (!room || this.stopped || room.state !== ConnectionState.Disconnected) return
      this.set({ state: 'reconnecting' })
      await room.connect(this.url, this.token, { autoSubscribe: false })
      for (const p of room.remoteParticipants.values()) {
        for (const pub of p.trackPublications.values()) this.onPublished(pub, p)
      }
      this.mic?.stop()
      this.mic = undefined
      this.set({ state: 'connected' })
      await this.applyPermissions()
    } catch (e) {
      console.warn('voice token refresh failed:', e)
      this.refreshTimer = setTimeout(() => void this.refresh(), 15_000)
    }
  }
}

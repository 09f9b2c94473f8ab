import { createPose, type MediaPublishSource, type ZoneId } from '@atrium/common'
import { Room } from 'livekit-client'
import { Vector3 } from 'three'

import type { RemoteAvatar, RemoteAvatars } from '../net/RemoteAvatars.ts'
import { localPlayer } from '../player/localPlayer.ts'
import { LocalMic } from './LocalMic.ts'
import { mediaStore, type MediaUiState } from './mediaStore.ts'
import { RemoteVoices } from './RemoteVoices.ts'
import { setListenerPose } from './spatial.ts'

/**
 * The audio half of the media connection: one AudioContext for the visit, the remote voices of the current room and
 * the visitor's microphone. `room()` names the LiveKit room in use (it changes with the visitor's zone).
 */
export class VoiceMedia {
  readonly ctx = new AudioContext({ latencyHint: 'interactive' })
  readonly remote = new RemoteVoices(this.ctx)
  readonly mic: LocalMic
  private readonly pose = createPose()
  private readonly forward = new Vector3()
  private readonly up = new Vector3()

  constructor(
    private readonly room: () => Room | undefined,
    private readonly set: (partial: Partial<MediaUiState>) => void,
    onSpeaking: (speaking: boolean) => void,
  ) {
    this.mic = new LocalMic(this.ctx, onSpeaking, () => this.micMuted())
  }

  /**
   * The visitor's last on/off choice. It is carried into the next meeting room (a suite, the stage), so walking into
   * one's advisory suite needs no second click; a room where the microphone is not allowed clears it (a promotion
   * never opens a live microphone), and the spatial atrium always starts muted.
   */
  private wantMic = false

  /**
   * Opens and publishes the microphone when `sources` allow it (muted, or on when `carryOn` and the visitor had it
   * on), unpublishes and releases it when not.
   */
  async applyPermission(
    room: Room,
    sources: readonly MediaPublishSource[],
    current: () => boolean,
    carryOn: boolean,
  ): Promise<void> {
    const allowed = sources.includes('microphone')
    if (!allowed) this.wantMic = false
    if (allowed && !this.mic.track) {
      const ok = await this.mic.open(room, mediaStore.getState().deviceId, current)
      const on = ok && carryOn && this.wantMic && current()
      if (on) await this.mic.setEnabled(true)
      this.set({ micError: !ok, micEnabled: on })
    } else if (!allowed && this.mic.track) {
      await this.mic.unpublish(room)
      this.set({ micEnabled: false })
    }
  }

  /** Turns the microphone on or off (muting keeps it published). Also resumes audio: it is a user gesture. */
  async setMicEnabled(on: boolean): Promise<void> {
    this.enableAudio()
    if (!this.mic.track) return
    await this.mic.setEnabled(on)
    // a moderator's mute may have landed while the device restarted: show what the track is
    const enabled = on && this.mic.track?.isMuted === false
    this.wantMic = enabled
    this.set({ micEnabled: enabled })
  }

  /**
   * The published microphone was muted: by the visitor, or by a moderator on the server (mute all, a staff mute).
   * The toggle shows it off and the choice is forgotten, so the next meeting room does not reopen it; the visitor
   * may turn it on again while they may still publish.
   */
  private micMuted(): void {
    this.wantMic = false
    if (mediaStore.getState().micEnabled) this.set({ micEnabled: false })
  }

  /** From a user gesture: lets audio play where the browser blocked it. */
  enableAudio(): void {
    void this.ctx.resume().then(() => this.updateBlocked())
    void this.room()
      ?.startAudio()
      .then(() => this.updateBlocked())
  }

  /** Whether the browser blocks playback until a gesture, shown as the "Enable audio" button. */
  updateBlocked(): void {
    const room = this.room()
    const blocked = !!room && (!room.canPlaybackAudio || this.ctx.state !== 'running')
    if (mediaStore.getState().audioBlocked !== blocked) this.set({ audioBlocked: blocked })
  }

  /** Switches the microphone to another input device; with none open (the last one failed) tries this one. */
  async selectDevice(deviceId: string): Promise<void> {
    mediaStore.setState({ deviceId })
    const room = this.room()
    if (!room) return
    if (this.mic.track) {
      await room.switchActiveDevice('audioinput', deviceId)
      this.mic.connectAnalyser()
    } else if (mediaStore.getState().canPublish.includes('microphone')) {
      const ok = await this.mic.open(room, deviceId, () => this.room() === room)
      this.set({ micError: !ok, micEnabled: false })
    }
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
  updatePositions(remotes: RemoteAvatars, now: number): void {
    setListenerPose(this.ctx.listener, localPlayer.head.p, localPlayer.head.q, this.forward, this.up)
    this.remote.updatePositions(remotes, now, this.pose)
  }

  /** Subscription rules, a few times a second. */
  evaluate(
    byId: ReadonlyMap<string, RemoteAvatar>,
    zoneOf: (a: RemoteAvatar) => ZoneId | undefined,
    myZone: ZoneId,
    meeting: boolean,
  ): void {
    this.remote.evaluate(byId, zoneOf, myZone, meeting)
  }

  readLevels(): void {
    this.remote.readLevels()
    this.mic.readLevel(mediaStore.getState().micEnabled, performance.now())
  }

  /** Drops the room's voices and the microphone (leaving a room). */
  leave(): void {
    this.remote.clear()
    this.mic.release()
  }

  close(): void {
    this.leave()
    void this.ctx.close().catch(() => undefined)
  }
}

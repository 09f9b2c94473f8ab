import { createLocalAudioTrack, Track, TrackEvent, type LocalAudioTrack, type Room } from 'livekit-client'

import { rms } from './spatial.ts'
import { SpeakingGate } from './speakingGate.ts'

/**
 * The visitor's microphone in one media room: opened and published muted, a level analyser that never reaches the
 * speakers, and the speaking gate whose changes `onSpeaking` reports (the branch room shows them on the avatar).
 * `onMuted` hears every mute of the published track, also one a moderator made on the server (mute all, a staff
 * mute), which LiveKit applies to the local track without asking.
 */
export class LocalMic {
  track: LocalAudioTrack | undefined
  level = 0
  private analyser: AnalyserNode | undefined
  private source: MediaStreamAudioSourceNode | undefined
  private readonly gate = new SpeakingGate()
  private readonly samples = new Float32Array(512)

  constructor(
    private readonly ctx: AudioContext,
    private readonly onSpeaking: (speaking: boolean) => void,
    private readonly onMuted: () => void = () => {},
  ) {}

  private readonly muted = () => {
    this.quiet()
    this.onMuted()
  }

  /** Opens the device and publishes it muted to `room`; false when it could not be opened or published. */
  async open(room: Room, deviceId: string | undefined, current: () => boolean): Promise<boolean> {
    try {
      const mic = await createLocalAudioTrack({
        ...(deviceId && { deviceId }),
        echoCancellation: true,
        noiseSuppression: true,
        autoGainControl: true,
      })
      if (!current()) {
        mic.stop()
        return true
      }
      // muted before it is published: nobody hears anything until the visitor unmutes
      await mic.mute()
      // listened to only after that first mute, which is ours and not a change the visitor should see
      mic.on(TrackEvent.Muted, this.muted)
      this.track = mic
      await room.localParticipant.publishTrack(mic, { source: Track.Source.Microphone })
      this.connectAnalyser()
      return true
    } catch (e) {
      console.warn('microphone unavailable:', e)
      return false
    }
  }

  /** Unpublishes and releases the microphone (permission withdrawn). */
  async unpublish(room: Room): Promise<void> {
    const mic = this.track
    if (!mic) return
    this.track = undefined
    mic.off(TrackEvent.Muted, this.muted)
    this.disconnectAnalyser()
    this.quiet()
    await room.localParticipant.unpublishTrack(mic, true).catch(() => mic.stop())
  }

  /** Stops the device without unpublishing (the room is being left anyway). */
  release(): void {
    this.quiet()
    this.track?.off(TrackEvent.Muted, this.muted)
    this.track?.stop()
    this.track = undefined
    this.disconnectAnalyser()
  }

  /** Mutes or unmutes the published track (it stays published). */
  async setEnabled(on: boolean): Promise<void> {
    const mic = this.track
    if (!mic) return
    if (on) await mic.unmute()
    else {
      await mic.mute()
      this.quiet()
    }
  }

  /** Ends "speaking" at once (muted, left, released). */
  quiet(): void {
    if (this.gate.reset()) this.onSpeaking(false)
  }

  /** Reads the level while the microphone is on and feeds the speaking gate. */
  readLevel(enabled: boolean, now: number): void {
    if (!this.analyser || !enabled) {
      this.level = 0
      return
    }
    this.analyser.getFloatTimeDomainData(this.samples)
    this.level = rms(this.samples)
    const changed = this.gate.update(this.level, now)
    if (changed !== undefined) this.onSpeaking(changed)
  }

  /** Points the analyser at the current track (after opening it or switching devices). */
  connectAnalyser(): void {
    const track = this.track?.mediaStreamTrack
    if (!track) return
    this.source?.disconnect()
    this.analyser ??= new AnalyserNode(this.ctx, { fftSize: 512 })
    // the analyser is never connected to the destination: the visitor does not hear themselves
    this.source = this.ctx.createMediaStreamSource(new MediaStream([track]))
    this.source.connect(this.analyser)
  }

  private disconnectAnalyser(): void {
    this.source?.disconnect()
    this.source = undefined
  }
}

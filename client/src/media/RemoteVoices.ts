import type { AvatarPose, ZoneId } from '@atrium/common'
import { RemoteAudioTrack, Track, type RemoteTrack, type RemoteTrackPublication } from 'livekit-client'

import type { RemoteAvatar, RemoteAvatars } from '../net/RemoteAvatars.ts'
import { localPlayer } from '../player/localPlayer.ts'
import { distanceTo, PANNER, rms, setPosition, shouldSubscribe } from './spatial.ts'

/** A remote level holds its peak and decays by this factor per reading, so short sounds show. */
const LEVEL_DECAY = 0.9

/** One remote participant's microphone and the audio nodes it plays through. */
export interface RemoteVoice {
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

/**
 * The remote microphones of one media room: subscription by distance and zone (or everyone in meeting mode), a level
 * analyser per voice, and a Web Audio panner placed at the avatar's head every frame.
 */
export class RemoteVoices {
  readonly map = new Map<string, RemoteVoice>()
  private readonly samples = new Float32Array(512)

  constructor(private readonly ctx: AudioContext) {}

  /**
   * A microphone was published (or found on joining): remember it. In meeting mode everyone is heard, so it is
   * subscribed at once rather than at the next `evaluate` (up to a quarter second later); otherwise `evaluate`
   * decides by distance and zone.
   */
  published(pub: RemoteTrackPublication, identity: string, meeting: boolean): void {
    if (pub.source !== Track.Source.Microphone) return
    const v = this.map.get(identity) ?? this.add(identity)
    v.publication = pub
    if (meeting && !pub.isDesired) pub.setSubscribed(true)
  }

  unpublished(pub: RemoteTrackPublication, identity: string): void {
    const v = this.map.get(identity)
    if (v?.publication === pub) v.publication = undefined
  }

  private add(identity: string): RemoteVoice {
    const panner = new PannerNode(this.ctx, { ...PANNER, coneInnerAngle: 360, coneOuterAngle: 360 })
    const analyser = new AnalyserNode(this.ctx, { fftSize: 512 })
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
    this.map.set(identity, v)
    return v
  }

  /** A microphone track arrived: level analyser first, then (outside meeting mode) the panner. */
  subscribed(track: RemoteTrack, pub: RemoteTrackPublication, identity: string, meeting: boolean): void {
    if (track.kind !== Track.Kind.Audio || pub.source !== Track.Source.Microphone) return
    const v = this.map.get(identity) ?? this.add(identity)
    v.publication = pub
    v.track = track
    // LiveKit adds its gain and the destination after these; in meeting mode the panner is bypassed so every
    // speaker is heard clearly, wherever they stand
    if (track instanceof RemoteAudioTrack) track.setWebAudioPlugins(meeting ? [v.analyser] : [v.analyser, v.panner])
    v.element = track.attach()
  }

  unsubscribed(track: RemoteTrack, identity: string): void {
    if (track.kind !== Track.Kind.Audio) return
    const v = this.map.get(identity)
    track.detach().forEach((el) => el.remove())
    if (v && v.track === track) {
      v.track = undefined
      v.element = undefined
      v.level = 0
    }
  }

  remove(identity: string): void {
    const v = this.map.get(identity)
    if (!v) return
    v.track?.detach().forEach((el) => el.remove())
    v.panner.disconnect()
    v.analyser.disconnect()
    this.map.delete(identity)
  }

  clear(): void {
    for (const id of [...this.map.keys()]) this.remove(id)
  }

  /** Subscribes to voices within hearing range in the same zone (everyone in meeting mode) and drops the rest. */
  evaluate(
    byId: ReadonlyMap<string, RemoteAvatar>,
    zoneOf: (a: RemoteAvatar) => ZoneId | undefined,
    myZone: ZoneId,
    meeting: boolean,
  ): void {
    const head = localPlayer.head.p
    for (const v of this.map.values()) {
      const a = byId.get(v.identity)
      v.avatar = a
      const pub = v.publication
      if (!pub) continue
      const p = a?.buffer.latest()?.head.p
      const sameZone = a !== undefined && zoneOf(a) === myZone
      const want =
        meeting || (a !== undefined && p !== undefined && shouldSubscribe(distanceTo(p, head), sameZone, pub.isDesired))
      if (want !== pub.isDesired) pub.setSubscribed(want)
    }
  }

  /** Reads each subscribed voice's level (peak-hold with decay). */
  readLevels(): void {
    for (const v of this.map.values()) {
      if (!v.track) continue
      v.analyser.getFloatTimeDomainData(this.samples)
      v.level = Math.max(rms(this.samples), v.level * LEVEL_DECAY)
    }
  }

  /** Places each panner at its avatar's interpolated head (per frame); `pose` is scratch space. */
  updatePositions(remotes: RemoteAvatars, now: number, pose: AvatarPose): void {
    for (const v of this.map.values()) {
      const a = v.avatar
      if (!v.track || !a || !a.buffer.sample(remotes.renderTime(now, a), pose)) continue
      const p = pose.head.p
      v.position[0] = p[0]
      v.position[1] = p[1]
      v.position[2] = p[2]
      setPosition(v.panner, p[0], p[1], p[2])
    }
  }
}

import { RemoteVideoTrack, Track, type RemoteTrack, type RemoteTrackPublication } from 'livekit-client'

import type { RemoteAvatar } from '../../net/RemoteAvatars.ts'

/** What a video panel or screen quad drew in its last frame. */
export type FeedShown = 'none' | 'video' | 'placeholder'

/**
 * One remote camera or screen share. The renderer reads the element per frame and writes back what it drew; the
 * frame counter (from `requestVideoFrameCallback`) shows that frames keep arriving.
 */
export interface VideoFeed {
  identity: string
  source: 'camera' | 'screen_share'
  publication: RemoteTrackPublication | undefined
  track: RemoteVideoTrack | undefined
  /** A `<video>` never put in the page: three.js uploads it as a texture. */
  element: HTMLVideoElement | undefined
  /** Decoded frames presented since the element was attached. */
  frames: number
  /**
   * `performance.now()` when the track was subscribed, when the element presented its first frame, and when the
   * renderer first drew a frame of it in the branch (NaN until then).
   */
  subscribedAt: number
  firstFrameAt: number
  drawnAt: number
  /** Written by the renderer each frame. */
  shown: FeedShown
  /** The texture version the renderer last uploaded from this feed (grows with every new frame). */
  textureVersion: number
  /** Filled a few times a second from the branch room, for placing the panel beside the avatar. */
  avatar: RemoteAvatar | undefined
}

type Source = VideoFeed['source']

/** Called after the renderer drew a feed's mesh: keeps the time the first video frame of it was drawn. */
export function noteDrawn(feed: VideoFeed | undefined): void {
  if (feed?.shown === 'video' && Number.isNaN(feed.drawnAt)) feed.drawnAt = performance.now()
}

const sourceOf = (pub: RemoteTrackPublication): Source | undefined =>
  pub.source === Track.Source.Camera ? 'camera' : pub.source === Track.Source.ScreenShare ? 'screen_share' : undefined

/**
 * The remote cameras and screen shares of one media room, each subscribed as soon as it is published (only suites and
 * the auditorium allow video, and there everyone sees the speakers). The room is created with adaptive stream off,
 * so LiveKit never pauses these elements for not being on the page.
 */
export class RemoteVideos {
  readonly cameras = new Map<string, VideoFeed>()
  readonly screens = new Map<string, VideoFeed>()

  private feeds(source: Source): Map<string, VideoFeed> {
    return source === 'camera' ? this.cameras : this.screens
  }

  private feed(source: Source, identity: string): VideoFeed {
    const map = this.feeds(source)
    let f = map.get(identity)
    if (!f) {
      f = {
        identity,
        source,
        publication: undefined,
        track: undefined,
        element: undefined,
        frames: 0,
        subscribedAt: NaN,
        firstFrameAt: NaN,
        drawnAt: NaN,
        shown: 'none',
        textureVersion: 0,
        avatar: undefined,
      }
      map.set(identity, f)
    }
    return f
  }

  published(pub: RemoteTrackPublication, identity: string): void {
    const source = sourceOf(pub)
    if (!source) return
    this.feed(source, identity).publication = pub
    if (!pub.isDesired) pub.setSubscribed(true)
  }

  unpublished(pub: RemoteTrackPublication, identity: string): void {
    const source = sourceOf(pub)
    const f = source && this.feeds(source).get(identity)
    if (f?.publication === pub) this.drop(f)
  }

  subscribed(track: RemoteTrack, pub: RemoteTrackPublication, identity: string): void {
    const source = sourceOf(pub)
    if (!source || !(track instanceof RemoteVideoTrack)) return
    const f = this.feed(source, identity)
    this.detach(f)
    f.publication = pub
    f.track = track
    const el = document.createElement('video')
    el.muted = true
    el.playsInline = true
    el.autoplay = true
    track.attach(el)
    f.element = el
    f.frames = 0
    f.subscribedAt = performance.now()
    f.firstFrameAt = NaN
    f.drawnAt = NaN
    const count = () => {
      if (f.element !== el) return
      if (f.frames++ === 0) f.firstFrameAt = performance.now()
      el.requestVideoFrameCallback(count)
    }
    if ('requestVideoFrameCallback' in el) el.requestVideoFrameCallback(count)
    void el.play().catch(() => undefined)
  }

  unsubscribed(track: RemoteTrack, identity: string): void {
    for (const map of [this.cameras, this.screens]) {
      const f = map.get(identity)
      if (f?.track === track) this.detach(f)
    }
  }

  /** Forgets everything a participant published (they left). */
  removeParticipant(identity: string): void {
    for (const map of [this.cameras, this.screens]) {
      const f = map.get(identity)
      if (f) this.drop(f)
    }
  }

  clear(): void {
    for (const map of [this.cameras, this.screens]) for (const f of [...map.values()]) this.drop(f)
  }

  /** Links each feed to its avatar (by pseudonymous id), a few times a second. */
  linkAvatars(byId: ReadonlyMap<string, RemoteAvatar>): void {
    for (const f of this.cameras.values()) f.avatar = byId.get(f.identity)
    for (const f of this.screens.values()) f.avatar = byId.get(f.identity)
  }

  /** The camera feed of `identity`, creating an empty one so a panel can show the placeholder. */
  camera(identity: string): VideoFeed {
    return this.feed('camera', identity)
  }

  private drop(f: VideoFeed): void {
    this.detach(f)
    this.feeds(f.source).delete(f.identity)
  }

  private detach(f: VideoFeed): void {
    const el = f.element
    const track = f.track
    f.element = undefined
    f.track = undefined
    if (!el) return
    track?.detach(el)
    el.pause()
    el.srcObject = null
  }
}

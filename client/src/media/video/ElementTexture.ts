import { SRGBColorSpace, VideoTexture } from 'three'

import type { VideoFeed } from './RemoteVideos.ts'

/** Whether a feed has a picture to show: subscribed, not muted, and its element has decoded a frame. */
export function isLive(feed: VideoFeed | undefined): feed is VideoFeed & { element: HTMLVideoElement } {
  const el = feed?.element
  return (
    el !== undefined &&
    feed?.publication?.isMuted === false &&
    el.videoWidth > 0 &&
    el.readyState >= el.HAVE_CURRENT_DATA
  )
}

/**
 * A VideoTexture that follows whichever `<video>` a feed has now: a resubscription brings a new element, and the old
 * texture is freed. three.js re-uploads it on every frame the element presents (`requestVideoFrameCallback`).
 */
export class ElementTexture {
  texture: VideoTexture | undefined
  private element: HTMLVideoElement | undefined

  of(el: HTMLVideoElement): VideoTexture {
    if (el !== this.element || !this.texture) {
      this.texture?.dispose()
      this.texture = new VideoTexture(el)
      this.texture.colorSpace = SRGBColorSpace
      this.element = el
    }
    return this.texture
  }

  dispose(): void {
    this.texture?.dispose()
    this.texture = undefined
    this.element = undefined
  }
}

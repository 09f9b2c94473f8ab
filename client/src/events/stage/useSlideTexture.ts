import { useEffect, useRef, useState } from 'react'
import { SRGBColorSpace, Texture } from 'three'

import { eventsApi } from '../eventsApi.ts'

/** A slide image as a texture, with its aspect ratio. */
export interface SlideTexture {
  texture: Texture
  aspect: number
}

/**
 * The texture of one slide page, loaded with the account's token and decoded off the main thread
 * (createImageBitmap). Pages stay cached while the deck version is unchanged, and the next page is fetched ahead so
 * a slide change shows at once.
 */
export function useSlideTexture(eventId: string | undefined, page: number, version: number): SlideTexture | undefined {
  const cache = useRef(new Map<string, Promise<SlideTexture>>())
  const [slide, setSlide] = useState<SlideTexture>()

  useEffect(() => {
    const textures = cache.current
    return () => {
      // a new deck (or leaving) frees every texture of the old one
      for (const p of textures.values())
        void p.then(
          (s) => s.texture.dispose(),
          () => {},
        )
      textures.clear()
    }
  }, [eventId, version])

  useEffect(() => {
    if (!eventId || version === 0) return setSlide(undefined)
    let live = true
    const load = (p: number) => {
      const key = `${p}`
      let entry = cache.current.get(key)
      if (!entry) {
        entry = eventsApi
          .slide(eventId, p)
          .then((blob) => createImageBitmap(blob))
          .then((bitmap) => {
            const texture = new Texture(bitmap)
            texture.colorSpace = SRGBColorSpace
            texture.needsUpdate = true
            return { texture, aspect: bitmap.width / Math.max(1, bitmap.height) }
          })
        cache.current.set(key, entry)
        entry.catch(() => cache.current.delete(key))
      }
      return entry
    }
    load(page).then(
      (s) => live && setSlide(s),
      () => live && setSlide(undefined),
    )
    void load(page + 1).catch(() => {})
    return () => {
      live = false
    }
  }, [eventId, page, version])

  return slide
}

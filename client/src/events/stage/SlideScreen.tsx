import { SCREEN } from '../../components/environment/layout.ts'
import { useAuditorium } from '../useAuditorium.ts'
import { useSlideTexture } from './useSlideTexture.ts'

/** The current slide on the stage screen itself (live screen shares go on a quad just in front of it). */
export function SlideScreen() {
  const eventId = useAuditorium((s) => s.eventId)
  const page = useAuditorium((s) => s.page)
  const version = useAuditorium((s) => (s.slides > 0 ? s.slideVersion : 0))
  const slide = useSlideTexture(eventId, page, version)
  if (!slide) return null
  // letterbox: fit the slide inside the screen, keeping its aspect ratio
  const screenAspect = SCREEN.width / SCREEN.height
  const w = slide.aspect >= screenAspect ? SCREEN.width : SCREEN.height * slide.aspect
  const h = slide.aspect >= screenAspect ? SCREEN.width / slide.aspect : SCREEN.height
  return (
    <mesh position={[SCREEN.x, SCREEN.y, SCREEN.z + 0.002]} name="event-slide">
      <planeGeometry args={[w, h]} />
      <meshBasicMaterial map={slide.texture} toneMapped={false} />
    </mesh>
  )
}

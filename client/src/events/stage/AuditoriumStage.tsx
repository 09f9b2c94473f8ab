import { PollBars } from './PollBars.tsx'
import { SeatedAudience } from './SeatedAudience.tsx'
import { SlideScreen } from './SlideScreen.tsx'
import { useSeatedYaw } from './useSeatedYaw.ts'
import { useSeatKeeper } from './useSeatKeeper.ts'

/** The auditorium stage in 3D: slide/screen-share screen, educator video, hand-raise queue, poll bars. */
export function AuditoriumStage() {
  useSeatedYaw()
  useSeatKeeper()
  return (
    <group name="auditorium-stage">
      <SlideScreen />
      <SeatedAudience />
      <PollBars />
    </group>
  )
}

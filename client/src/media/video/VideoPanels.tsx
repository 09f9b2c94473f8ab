import { useStore } from 'zustand'

import { mediaStore } from '../mediaStore.ts'
import { CameraPanel } from './CameraPanel.tsx'
import { ScreenShareQuad } from './ScreenShareQuad.tsx'

/**
 * Remote cameras on panels beside avatars and the screen share on the designated screen: one mesh (one draw call) per
 * panel. Which panels exist is slow state (publish, unpublish, join, leave); everything per frame happens inside them.
 */
export function VideoPanels() {
  const panels = useStore(mediaStore, (s) => s.panels)
  const screen = useStore(mediaStore, (s) => s.screen)
  return (
    <>
      {panels.map((id) => (
        <CameraPanel key={id} identity={id} />
      ))}
      {screen && <ScreenShareQuad key={screen} identity={screen} />}
    </>
  )
}

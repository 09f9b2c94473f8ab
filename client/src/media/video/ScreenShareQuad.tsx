import { useFrame } from '@react-three/fiber'
import { useEffect, useMemo, useRef } from 'react'
import type { Mesh } from 'three'
import { useStore } from 'zustand'

import { localPlayer } from '../../player/localPlayer.ts'
import { mediaStore } from '../mediaStore.ts'
import { ElementTexture, isLive } from './ElementTexture.ts'
import { noteDrawn } from './RemoteVideos.ts'
import { screenMaterial, VIDEO_QUAD } from './videoMaterials.ts'
import { fitAspect, shareScreenFor } from './videoPlacement.ts'

/**
 * A participant's screen share on the media room's designated screen (the auditorium stage screen, or the wall display
 * of the suite room the viewer is in), on a quad just in front of the screen so it covers any slides drawn there.
 */
export function ScreenShareQuad({ identity }: { identity: string }) {
  const connection = useStore(mediaStore, (s) => s.connection)
  const mesh = useRef<Mesh>(null)
  const material = useMemo(screenMaterial, [])
  const video = useMemo(() => new ElementTexture(), [])

  useEffect(
    () => () => {
      video.dispose()
      material.dispose()
    },
    [video, material],
  )

  useFrame(() => {
    const m = mesh.current
    if (!m) return
    const feed = connection?.tracks.videos.screens.get(identity)
    const at = shareScreenFor(connection?.ref, localPlayer.feet.x, localPlayer.feet.z)
    if (!at || !isLive(feed)) {
      m.visible = false
      if (feed) feed.shown = 'none'
      return
    }
    const tex = video.of(feed.element)
    if (material.map !== tex) {
      material.map = tex
      material.needsUpdate = true
    }
    const [w, h] = fitAspect(at.width, at.height, feed.element.videoWidth / feed.element.videoHeight)
    m.position.set(at.x, at.y, at.z)
    m.rotation.set(0, at.yaw, 0)
    m.scale.set(w, h, 1)
    m.visible = true
    feed.shown = 'video'
    feed.textureVersion = tex.version
  })

  return (
    <mesh
      ref={mesh}
      geometry={VIDEO_QUAD}
      material={material}
      visible={false}
      name="screen-share"
      onAfterRender={() => noteDrawn(connection?.tracks.videos.screens.get(identity))}
    />
  )
}

import { createPose } from '@atrium/common'
import { useFrame } from '@react-three/fiber'
import { useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Vector3, type Mesh, type Texture } from 'three'
import { useStore } from 'zustand'

import { useConnection } from '../../net/useConnection.ts'
import { useAppStore } from '../../state/useAppStore.ts'
import { mediaStore } from '../mediaStore.ts'
import { ElementTexture, isLive } from './ElementTexture.ts'
import { PLACEHOLDER_ASPECT, placeholderTexture } from './placeholderTexture.ts'
import { noteDrawn } from './RemoteVideos.ts'
import { cameraPanelMaterial, VIDEO_QUAD } from './videoMaterials.ts'
import { PANEL, panelPosition } from './videoPlacement.ts'

/**
 * The camera of one remote participant on a panel beside their avatar, turned towards the viewer. While the camera
 * is off (muted, not yet published, or no frame yet) the panel shows a placeholder card with their name. Position,
 * picture and texture choice are all decided per frame from refs; nothing here re-renders React.
 */
export function CameraPanel({ identity }: { identity: string }) {
  const { t } = useTranslation()
  const remotes = useConnection().remotes
  const connection = useStore(mediaStore, (s) => s.connection)
  const name = useAppStore((s) => Object.values(s.people).find((p) => p.id === identity)?.name ?? '')
  const mesh = useRef<Mesh>(null)
  const caption = t('video.cameraOff')
  const placeholder = useMemo(() => placeholderTexture(name, caption), [name, caption])
  const material = useMemo(cameraPanelMaterial, [])
  const video = useMemo(() => new ElementTexture(), [])
  const scratch = useMemo(() => ({ pose: createPose(), out: [0, 0, 0], eye: new Vector3() }), [])

  useEffect(() => () => placeholder.dispose(), [placeholder])
  useEffect(
    () => () => {
      video.dispose()
      material.dispose()
    },
    [video, material],
  )

  useFrame(({ camera }) => {
    const m = mesh.current
    if (!m) return
    const feed = connection?.tracks.videos.camera(identity)
    const a = feed?.avatar
    if (!feed || !a || !a.buffer.sample(remotes.renderTime(performance.now(), a), scratch.pose)) {
      m.visible = false
      if (feed) feed.shown = 'none'
      return
    }
    camera.getWorldPosition(scratch.eye)
    const [hx, hy, hz] = scratch.pose.head.p
    panelPosition(hx, hy, hz, scratch.eye.x, scratch.eye.z, scratch.out)
    m.position.set(scratch.out[0]!, scratch.out[1]!, scratch.out[2]!)
    m.lookAt(scratch.eye)
    let map: Texture = placeholder
    let aspect = PLACEHOLDER_ASPECT
    if (isLive(feed)) {
      const tex = video.of(feed.element)
      map = tex
      aspect = feed.element.videoWidth / feed.element.videoHeight
      feed.shown = 'video'
      feed.textureVersion = tex.version
    } else feed.shown = 'placeholder'
    if (material.map !== map) {
      material.map = map
      material.needsUpdate = true
    }
    m.scale.set(PANEL.width, PANEL.width / aspect, 1)
    m.visible = true
  })

  return (
    <mesh
      ref={mesh}
      geometry={VIDEO_QUAD}
      material={material}
      visible={false}
      name={`camera-panel-${identity}`}
      onAfterRender={() => noteDrawn(connection?.tracks.videos.cameras.get(identity))}
    />
  )
}

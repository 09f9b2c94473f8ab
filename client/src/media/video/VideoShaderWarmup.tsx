import { useThree } from '@react-three/fiber'
import { useEffect } from 'react'
import { Group, Mesh, SRGBColorSpace, Texture, VideoTexture } from 'three'

import { cameraPanelMaterial, screenMaterial, VIDEO_QUAD } from './videoMaterials.ts'

/**
 * Compiles the shader programs of the camera panels and screens while the branch loads, behind the loading screen
 * (each material with a video frame and with a still picture), and keeps them for the life of the canvas. three.js frees a program with the last
 * material that uses it, and panels come and go with the people in a room, so without this every arrival in a room
 * with a camera compiled them again when its first frame came in: on a slow GPU (SwiftShader in the browser tests, or a
 * phone) that froze the page for over a second, the frame and the voices' levels waiting behind it. Mount it inside the
 * environment's Suspense, so the scene it compiles against is the finished one.
 */
export function VideoShaderWarmup() {
  const gl = useThree((s) => s.gl)
  const scene = useThree((s) => s.scene)
  const camera = useThree((s) => s.camera)
  useEffect(() => {
    const video = new VideoTexture(document.createElement('video'))
    const still = new Texture()
    video.colorSpace = SRGBColorSpace
    still.colorSpace = SRGBColorSpace
    const group = new Group()
    const materials = [cameraPanelMaterial, screenMaterial].flatMap((make) =>
      [video, still].map((map) => {
        const m = make()
        m.map = map
        group.add(new Mesh(VIDEO_QUAD, m))
        return m
      }),
    )
    // compiled against the scene (its lights are part of a program's key) without being added to it
    void gl.compileAsync(group, camera, scene)
    return () => {
      for (const m of materials) m.dispose()
      video.dispose()
      still.dispose()
    }
  }, [gl, scene, camera])
  return null
}

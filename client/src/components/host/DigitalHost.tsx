import { useFrame, type ThreeEvent } from '@react-three/fiber'
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react'
import { Euler, Matrix4, type Group, type Mesh } from 'three'

import { VISEME_INDEX } from '@atrium/common/viseme-shapes'
import { hostVoice } from '../../host/hostVoice.ts'
import { localPlayer } from '../../player/localPlayer.ts'
import { HOST_SPOT } from '../environment/layout.ts'
import { buildHostFigure } from './hostFigure.ts'
import { MORPHS } from './hostGeometry.ts'
import { HEAD } from './hostHead.ts'
import { buildProjector, createHostMaterials } from './hostMaterials.ts'
import { createHostMotion, stepHostMotion } from './hostMotion.ts'

/** Window event that opens the host chat panel (the panel listens for it). */
export const OPEN_HOST_EVENT = 'atrium:open-host'

const BLINK = MORPHS.indexOf('eyesClosed')
const SMILE = MORPHS.indexOf('mouthSmile')
/** Viseme i of VISEMES is morph i (MORPHS starts with the visemes in the same order). */
const target = new Float32Array(MORPHS.length)
const euler = new Euler(0, 0, 0, 'YXZ')
const m4 = new Matrix4()

/**
 * The bank's digital host: a holographic person standing behind the reception desk on a
 * projector disc, facing the entrance. Lips follow `hostVoice`, the head turns to the visitor
 * who comes close; clicking it (or pointing at it and pulling the trigger in VR) dispatches
 * `atrium:open-host` on `window`. Three draw calls (the figure, the disc and the light cone) and
 * about 6k triangles. Everything per frame is read in `useFrame`; nothing goes through React state.
 */
export function DigitalHost() {
  const geometry = useMemo(buildHostFigure, [])
  const projector = useMemo(buildProjector, [])
  const mats = useMemo(createHostMaterials, [])
  const motion = useMemo(createHostMotion, [])
  const body = useRef<Group>(null)
  const figure = useRef<Mesh>(null)

  useLayoutEffect(() => {
    // R3F assigns the geometry after construction, so the morph arrays must be set up again
    figure.current?.updateMorphTargets()
  }, [geometry])
  useEffect(
    () => () => {
      geometry.dispose()
      projector.disc.dispose()
      projector.cone.dispose()
      mats.dispose()
    },
    [geometry, projector, mats],
  )

  useFrame((_, delta) => {
    const now = performance.now() / 1000
    const dt = Math.min(delta, 0.1)
    const voice = hostVoice.frame(now)
    const v = localPlayer.head.p
    stepHostMotion(motion, dt, now, v.x - HOST_SPOT.x, v.y - HEAD.y, v.z - HOST_SPOT.z, voice.speaking)

    // mouth: the current viseme fading into the next, eased so shapes never pop
    target.fill(0)
    target[VISEME_INDEX[voice.viseme]]! += 1 - voice.blend
    target[VISEME_INDEX[voice.next]]! += voice.blend
    target[VISEME_INDEX.sil] = 0
    target[BLINK] = motion.blink
    target[SMILE] = voice.speaking ? 0.3 : motion.engaged ? 0.75 : 0.45
    const influences = figure.current?.morphTargetInfluences
    if (influences) {
      const k = 1 - Math.exp(-dt * 30)
      for (let i = 0; i < target.length; i++) {
        influences[i] = i === BLINK ? target[i]! : influences[i]! + (target[i]! - influences[i]!) * k
      }
    }

    const u = mats.uniforms
    u.uTime.value = now % 1000
    u.uFlicker.value = motion.flicker
    u.uBreath.value = motion.breath
    u.uEye.value.set(motion.eyeX, motion.eyeY)
    u.uHeadRot.value.setFromMatrix4(m4.makeRotationFromEuler(euler.set(-motion.pitch, motion.yaw, motion.roll)))
    if (body.current) body.current.rotation.y = motion.bodyYaw
  })

  const open = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation()
    // a drag to look around also ends in a click: only a short, still click opens the panel
    if (e.delta <= 6) window.dispatchEvent(new CustomEvent(OPEN_HOST_EVENT))
  }

  return (
    <group name="digital-host" position={[HOST_SPOT.x, 0, HOST_SPOT.z]}>
      <group ref={body}>
        <mesh ref={figure} geometry={geometry} material={mats.figure} renderOrder={2} raycast={noRaycast} />
      </group>
      <mesh geometry={projector.disc} material={mats.disc} renderOrder={3} raycast={noRaycast} />
      <mesh geometry={projector.cone} material={mats.cone} renderOrder={3} raycast={noRaycast} />
      {/* an invisible, easier target than the figure itself, for the mouse and XR rays */}
      <mesh
        name="digital-host-target"
        position={[0, 1.2, 0.02]}
        onClick={open}
        onPointerOver={() => (document.body.style.cursor = 'pointer')}
        onPointerOut={() => (document.body.style.cursor = '')}
      >
        <capsuleGeometry args={[0.28, 0.9, 4, 8]} />
        <meshBasicMaterial visible={false} />
      </mesh>
    </group>
  )
}

/** Only the invisible target takes pointer rays. */
function noRaycast(): void {}

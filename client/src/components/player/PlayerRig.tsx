import { MOVEMENT } from '@atrium/common'
import { useFrame, useThree } from '@react-three/fiber'
import { XROrigin, useXRControllerLocomotion } from '@react-three/xr'
import { useRef } from 'react'
import { Euler, Matrix4, Quaternion, Vector3, type Group } from 'three'

import { localPlayer, walk } from '../../player/localPlayer.ts'
import { xrStore } from '../../xr/xrStore.ts'

const euler = new Euler(0, 0, 0, 'YXZ')
const forward = new Vector3()
const right = new Vector3()
const m = new Matrix4()
const scale = new Vector3()
const before = new Vector3()
const handOffsetL = new Vector3(-0.22, -0.62, -0.18)
const handOffsetR = new Vector3(0.22, -0.62, -0.18)
const yawQ = new Quaternion()
const UP = new Vector3(0, 1, 0)

/**
 * The visitor's body. On desktop and phones it drives the camera from `localPlayer`; in VR it
 * places the XR origin at the player's feet and reads head and controller poses from the frame.
 * Either way it leaves world-space head and hand poses in `localPlayer` for the pose sender.
 */
export function PlayerRig() {
  const origin = useRef<Group>(null)
  const gl = useThree((s) => s.gl)

  useXRControllerLocomotion(
    (velocity, yawChange, dt) => {
      walk(velocity.x * dt, velocity.z * dt)
      localPlayer.yaw += yawChange
    },
    { speed: MOVEMENT.walkSpeed },
    { type: 'snap', degrees: 30 },
  )

  useFrame((state, delta, frame?: XRFrame) => {
    const p = localPlayer
    const dt = Math.min(delta, 0.1)
    const presenting = gl.xr.isPresenting
    if (!presenting) moveOnFoot(dt)

    if (origin.current) {
      origin.current.position.copy(p.feet)
      origin.current.rotation.set(0, p.yaw, 0)
      origin.current.updateMatrixWorld()
    }

    if (presenting && origin.current && frame) {
      const xrCam = gl.xr.getCamera()
      xrCam.getWorldPosition(p.head.p)
      xrCam.getWorldQuaternion(p.head.q)
      readHands(frame, origin.current)
      return
    }
    const cam = state.camera
    cam.position.set(p.feet.x, MOVEMENT.eyeHeight, p.feet.z)
    euler.set(p.pitch, p.yaw, 0)
    cam.quaternion.setFromEuler(euler)
    p.head.p.copy(cam.position)
    p.head.q.copy(cam.quaternion)
    // without tracked hands, hold them relaxed in front of the body, turning with it
    yawQ.setFromAxisAngle(UP, p.yaw)
    p.left.p.copy(handOffsetL).applyQuaternion(yawQ).add(p.head.p)
    p.right.p.copy(handOffsetR).applyQuaternion(yawQ).add(p.head.p)
    p.left.q.copy(yawQ)
    p.right.q.copy(yawQ)
  })

  return <XROrigin ref={origin} />
}

/** Keyboard, joystick and walk-to-target movement at walking speed. */
function moveOnFoot(dt: number): void {
  const p = localPlayer
  let ix = p.keys.x + p.touch.x
  let iy = p.keys.y + p.touch.y
  if (p.walkTarget && ix === 0 && iy === 0) {
    const dx = p.walkTarget.x - p.feet.x
    const dz = p.walkTarget.z - p.feet.z
    const d = Math.hypot(dx, dz)
    if (d < 0.05) p.walkTarget = undefined
    else {
      const step = Math.min(d, MOVEMENT.walkSpeed * dt)
      before.copy(p.feet)
      walk((dx / d) * step, (dz / d) * step)
      // blocked by a wall: give up rather than pushing forever
      if (before.distanceToSquared(p.feet) < 1e-8) p.walkTarget = undefined
      return
    }
  }
  if (ix !== 0 || iy !== 0) p.walkTarget = undefined
  const len = Math.hypot(ix, iy)
  if (len === 0) return
  if (len > 1) {
    ix /= len
    iy /= len
  }
  forward.set(-Math.sin(p.yaw), 0, -Math.cos(p.yaw))
  right.set(Math.cos(p.yaw), 0, -Math.sin(p.yaw))
  const s = MOVEMENT.walkSpeed * dt
  walk((forward.x * iy + right.x * ix) * s, (forward.z * iy + right.z * ix) * s)
}

/** Reads grip poses of tracked controllers or hands into world space. */
function readHands(frame: XRFrame, origin: Group): void {
  const space = xrStore.getState().originReferenceSpace
  if (!space) return
  for (const source of frame.session.inputSources) {
    const grip = source.gripSpace
    if (!grip || (source.handedness !== 'left' && source.handedness !== 'right')) continue
    const pose = frame.getPose(grip, space)
    if (!pose) continue
    const target = source.handedness === 'left' ? localPlayer.left : localPlayer.right
    m.fromArray(pose.transform.matrix).premultiply(origin.matrixWorld)
    m.decompose(target.p, target.q, scale)
  }
}

import { AVATAR_COLORS, createPose, unpackLook, type Pose } from '@atrium/common'
import { useFrame } from '@react-three/fiber'
import { useRef } from 'react'
import { Color, Euler, Matrix4, Quaternion, Vector3, type InstancedMesh } from 'three'

import { isDrawnByAuditorium } from '../../events/seatedAttendees.ts'
import type { RemoteAvatars } from '../../net/RemoteAvatars.ts'
import { NameTags, type NameTagsHandle } from './NameTags.tsx'

const pose = createPose()
const m = new Matrix4()
const pos = new Vector3()
const quat = new Quaternion()
const yawQ = new Quaternion()
const euler = new Euler(0, 0, 0, 'YXZ')
const ONE = new Vector3(1, 1, 1)
const visorOffset = new Vector3(0, 0.02, -0.13)
const visorPos = new Vector3()
const color = new Color()
const GREY = new Color('#9aa3ad')
const SHAPES = 3

/**
 * Every remote avatar in a handful of instanced draw calls: heads (one mesh per head shape),
 * visors, bodies, hands, speaking rings and name tags. Poses are sampled from the interpolation
 * buffers inside `useFrame`; nothing here goes through React state.
 */
export function AvatarCrowd({ remotes, capacity }: { remotes: RemoteAvatars; capacity: number }) {
  const heads = useRef<(InstancedMesh | null)[]>([])
  const visors = useRef<InstancedMesh>(null)
  const bodies = useRef<InstancedMesh>(null)
  const hands = useRef<InstancedMesh>(null)
  const rings = useRef<InstancedMesh>(null)
  const tags = useRef<NameTagsHandle>(null)

  useFrame(() => {
    const now = performance.now()
    const headCounts = [0, 0, 0]
    let n = 0
    let speaking = 0
    for (const a of remotes.bySession.values()) {
      // someone seated in the visitor's auditorium instance is drawn there (SeatedAudience), not twice
      if (n >= capacity || isDrawnByAuditorium(a.id) || !a.buffer.sample(remotes.renderTime(now, a), pose)) continue
      const { color: ci, shape } = unpackLook(a.look)
      color.set(AVATAR_COLORS[ci] ?? '#888888')
      if (!a.connected) color.lerp(GREY, 0.7)
      const hp = pose.head.p
      pos.set(hp[0], hp[1], hp[2])
      quat.set(pose.head.q[0], pose.head.q[1], pose.head.q[2], pose.head.q[3])
      const headMesh = heads.current[shape]
      const hi = headCounts[shape]!
      if (headMesh) {
        m.compose(pos, quat, ONE)
        headMesh.setMatrixAt(hi, m)
        headMesh.setColorAt(hi, color)
        headCounts[shape] = hi + 1
      }
      visors.current?.setMatrixAt(n, m.compose(visorPos.copy(visorOffset).applyQuaternion(quat).add(pos), quat, ONE))
      // the body turns with the head's heading only, and hangs below it
      euler.setFromQuaternion(quat)
      yawQ.setFromEuler(euler.set(0, euler.y, 0))
      bodies.current?.setMatrixAt(n, m.compose(pos.set(hp[0], hp[1] - 0.72, hp[2]), yawQ, ONE))
      bodies.current?.setColorAt(n, color)
      if (hands.current) {
        setHand(hands.current, n * 2, pose.left)
        setHand(hands.current, n * 2 + 1, pose.right)
      }
      if (a.speaking && rings.current) {
        rings.current.setMatrixAt(speaking++, m.compose(pos.set(hp[0], hp[1] + 0.5, hp[2]), yawQ, ONE))
      }
      tags.current?.set(n, a.slot, hp[0], hp[1] + 0.33, hp[2], a.name, AVATAR_COLORS[ci] ?? '#888888')
      n++
    }
    heads.current.forEach((h, i) => h && commit(h, headCounts[i]!))
    if (visors.current) commit(visors.current, n)
    if (bodies.current) commit(bodies.current, n)
    if (hands.current) commit(hands.current, n * 2)
    if (rings.current) commit(rings.current, speaking)
    tags.current?.commit(n)
  })

  return (
    <group name="avatar-crowd">
      {Array.from({ length: SHAPES }, (_, s) => (
        <instancedMesh
          key={s}
          ref={(el) => void (heads.current[s] = el)}
          args={[undefined, undefined, capacity]}
          frustumCulled={false}
          raycast={noRaycast}
        >
          {s === 0 && <sphereGeometry args={[0.13, 16, 12]} />}
          {s === 1 && <boxGeometry args={[0.22, 0.24, 0.22]} />}
          {s === 2 && <capsuleGeometry args={[0.1, 0.1, 4, 12]} />}
          <meshLambertMaterial />
        </instancedMesh>
      ))}
      <instancedMesh ref={visors} args={[undefined, undefined, capacity]} frustumCulled={false} raycast={noRaycast}>
        <boxGeometry args={[0.18, 0.05, 0.04]} />
        <meshBasicMaterial color="#15202b" />
      </instancedMesh>
      <instancedMesh ref={bodies} args={[undefined, undefined, capacity]} frustumCulled={false} raycast={noRaycast}>
        <capsuleGeometry args={[0.17, 0.55, 4, 12]} />
        <meshLambertMaterial />
      </instancedMesh>
      <instancedMesh ref={hands} args={[undefined, undefined, capacity * 2]} frustumCulled={false} raycast={noRaycast}>
        <boxGeometry args={[0.07, 0.04, 0.11]} />
        <meshLambertMaterial color="#f0d5be" />
      </instancedMesh>
      <instancedMesh ref={rings} args={[undefined, undefined, capacity]} frustumCulled={false} raycast={noRaycast}>
        <torusGeometry args={[0.09, 0.015, 6, 24]} />
        <meshBasicMaterial color="#4cd37a" />
      </instancedMesh>
      <NameTags ref={tags} capacity={capacity} />
    </group>
  )
}

/** Writes one hand's instance matrix without allocating (this runs per avatar per frame). */
function setHand(mesh: InstancedMesh, i: number, hand: Pose): void {
  pos.set(hand.p[0], hand.p[1], hand.p[2])
  quat.set(hand.q[0], hand.q[1], hand.q[2], hand.q[3])
  mesh.setMatrixAt(i, m.compose(pos, quat, ONE))
}

/** Avatars are not interactive: XR pointers must never hit them, or they would win the closest-hit contest. */
function noRaycast(): void {}

function commit(mesh: InstancedMesh, count: number): void {
  mesh.count = count
  mesh.instanceMatrix.needsUpdate = true
  if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true
}

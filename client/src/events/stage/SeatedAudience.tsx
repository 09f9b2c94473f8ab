import { AVATAR_COLORS, dequantizeYaw, unpackLook } from '@atrium/common'
import { useFrame } from '@react-three/fiber'
import { useMemo, useRef } from 'react'
import { Color, Matrix4, Quaternion, Vector3, type InstancedMesh } from 'three'

import { auditoriumRoom } from '../auditoriumConnection.ts'
import { drawnByAuditorium } from '../seatedAttendees.ts'
import { micPosition, seatPosition } from './seatLayout.ts'

/** Instances drawn: one auditorium instance holds 200, plus oversight staff on the stage. */
const CAPACITY = 220
/** Seated bodies are redrawn at most this often: they change at 1 Hz. */
const REFRESH_S = 0.2

const m = new Matrix4()
const q = new Quaternion()
const p = new Vector3()
const s = new Vector3(1, 1, 1)
const up = new Vector3(0, 1, 0)
const c = new Color()

/**
 * Everyone seated in this auditorium instance, drawn as two instanced meshes (bodies, raised-hand markers) straight
 * from the room state in the render loop: no React state, one draw call each for 200 attendees. Speakers stand at
 * the stage microphones. The visitor's own avatar is left out (they see from it), and so is anyone who stood up:
 * the branch's avatar crowd draws them where they walk (and leaves out those drawn here).
 */
export function SeatedAudience() {
  const bodies = useRef<InstancedMesh>(null)
  const hands = useRef<InstancedMesh>(null)
  const since = useRef(REFRESH_S)
  const colors = useMemo(() => AVATAR_COLORS.map((h) => new Color(h)), [])

  useFrame((_, dt) => {
    since.current += dt
    const room = auditoriumRoom()
    const b = bodies.current
    const h = hands.current
    if (!b || !h) return
    if (!room) {
      b.count = 0
      h.count = 0
      return
    }
    if (since.current < REFRESH_S) return
    since.current = 0
    let n = 0
    let k = 0
    let mic = 0
    room.state.attendees.forEach((a, sessionId) => {
      if (sessionId === room.sessionId || n >= CAPACITY || !drawnByAuditorium(a)) return
      const spot = a.speaker ? micPosition(mic++) : { ...seatPosition(a.seat), y: 0 }
      q.setFromAxisAngle(up, dequantizeYaw(a.yaw))
      p.set(spot.x, spot.y + 0.75, spot.z)
      b.setMatrixAt(n, m.compose(p, q, s))
      b.setColorAt(n, c.copy(colors[unpackLook(a.look).color] ?? colors[0]!))
      n++
      if (a.hand && k < CAPACITY) {
        p.set(spot.x + 0.2, spot.y + 1.7, spot.z)
        h.setMatrixAt(k++, m.compose(p, q.identity(), s))
      }
    })
    b.count = n
    h.count = k
    b.instanceMatrix.needsUpdate = true
    if (b.instanceColor) b.instanceColor.needsUpdate = true
    h.instanceMatrix.needsUpdate = true
  })

  return (
    <>
      <instancedMesh ref={bodies} args={[undefined, undefined, CAPACITY]} frustumCulled={false} name="event-audience">
        <capsuleGeometry args={[0.22, 0.6, 4, 8]} />
        <meshStandardMaterial roughness={0.7} />
      </instancedMesh>
      <instancedMesh ref={hands} args={[undefined, undefined, CAPACITY]} frustumCulled={false} name="event-hands">
        <coneGeometry args={[0.09, 0.25, 8]} />
        <meshStandardMaterial color="#f3a712" emissive="#f3a712" emissiveIntensity={0.6} />
      </instancedMesh>
    </>
  )
}

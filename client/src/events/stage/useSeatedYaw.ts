import { EV_C2S, EVENT_LIMITS, quantizeYaw } from '@atrium/common'
import { useFrame } from '@react-three/fiber'
import { useRef } from 'react'
import { Euler } from 'three'

import { auditoriumRoom, sendAuditorium } from '../auditoriumConnection.ts'

const euler = new Euler(0, 0, 0, 'YXZ')

/** While seated, sends the head's yaw once a second when it changed: 200 attendees cost a few bytes a second each. */
export function useSeatedYaw(): void {
  const last = useRef<number | undefined>(undefined)
  const since = useRef(0)
  useFrame(({ camera }, dt) => {
    since.current += dt
    if (since.current < EVENT_LIMITS.seatedPoseSeconds || !auditoriumRoom()) return
    since.current = 0
    euler.setFromQuaternion(camera.quaternion)
    const yaw = quantizeYaw(euler.y)
    if (yaw === last.current) return
    last.current = yaw
    sendAuditorium(EV_C2S.yaw, { yaw })
  })
}

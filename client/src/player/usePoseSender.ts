import { C2S, NET } from '@atrium/common'
import { useFrame } from '@react-three/fiber'
import { useEffect, useRef } from 'react'

import { useConnection } from '../net/useConnection.ts'
import { localPlayer, placeAt, type WorldPose } from './localPlayer.ts'

const INTERVAL = 1 / NET.clientPoseHz

function tuple(p: WorldPose): number[] {
  return [p.p.x, p.p.y, p.p.z, p.q.x, p.q.y, p.q.z, p.q.w]
}

/** Sum of coordinate changes, to skip sending a pose that has not moved. */
function changed(a: number[][], b: number[][] | undefined): boolean {
  if (!b) return true
  for (let i = 0; i < a.length; i++) for (let j = 0; j < 7; j++) if (Math.abs(a[i]![j]! - b[i]![j]!) > 5e-4) return true
  return false
}

/**
 * Sends the local head and hand poses at 20 Hz (only when they changed), teleports as their own
 * message so the server can validate the jump, and applies server corrections.
 */
export function usePoseSender(): void {
  const connection = useConnection()
  const acc = useRef(0)
  const last = useRef<number[][] | undefined>(undefined)
  const jumps = useRef(localPlayer.jumps)

  useEffect(() => {
    connection.onCorrection = (p) => placeAt(p.x, p.z)
    return () => {
      connection.onCorrection = undefined
    }
  }, [connection])

  useFrame((_, delta) => {
    if (!connection.placed) return
    acc.current += delta
    if (jumps.current !== localPlayer.jumps) {
      jumps.current = localPlayer.jumps
      connection.send(C2S.teleport, { x: localPlayer.feet.x, z: localPlayer.feet.z })
      last.current = undefined
      acc.current = 0
      return
    }
    if (acc.current < INTERVAL) return
    acc.current %= INTERVAL
    const pose = [tuple(localPlayer.head), tuple(localPlayer.left), tuple(localPlayer.right)]
    if (!changed(pose, last.current)) return
    last.current = pose
    connection.send(C2S.pose, { h: pose[0], l: pose[1], r: pose[2] })
  })
}

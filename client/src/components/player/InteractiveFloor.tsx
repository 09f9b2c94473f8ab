import { isWalkable, ZONE_IDS, ZONES } from '@atrium/common'
import type { ThreeEvent } from '@react-three/fiber'
import { TeleportTarget } from '@react-three/xr'
import { useMemo } from 'react'
import { Vector3 } from 'three'

import { localPlayer, teleportTo } from '../../player/localPlayer.ts'

/**
 * Invisible floor planes that take mouse clicks and taps (walk there) and VR teleport arcs.
 * They sit a millimetre above the visual floor and never render.
 */
export function InteractiveFloor() {
  const planes = useMemo(
    () =>
      ZONE_IDS.map((id) => {
        const b = ZONES[id].bounds
        return { id, w: b.maxX - b.minX, d: b.maxZ - b.minZ, x: (b.minX + b.maxX) / 2, z: (b.minZ + b.maxZ) / 2 }
      }),
    [],
  )

  const onClick = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation()
    if (!isWalkable(e.point.x, e.point.z)) return
    // a drag to look around also ends in a click: only treat short, still clicks as "walk there"
    if (e.delta <= 6) localPlayer.walkTarget = new Vector3(e.point.x, 0, e.point.z)
  }

  return (
    <TeleportTarget
      onTeleport={(p) => {
        if (isWalkable(p.x, p.z)) teleportTo(p.x, p.z)
      }}
    >
      {planes.map((pl) => (
        <mesh
          key={pl.id}
          position={[pl.x, 0.001, pl.z]}
          rotation-x={-Math.PI / 2}
          onClick={onClick}
          name={`floor-${pl.id}`}
        >
          <planeGeometry args={[pl.w, pl.d]} />
          <meshBasicMaterial colorWrite={false} depthWrite={false} />
        </mesh>
      ))}
    </TeleportTarget>
  )
}

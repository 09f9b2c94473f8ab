import { useLayoutEffect, useRef } from 'react'
import type { InstancedMesh } from 'three'

import type { PropSet } from './buildBranch.ts'

/**
 * Draws every copy of one prop (chairs, seats, columns, plants) with a single InstancedMesh.
 * The per-instance colour multiplies the prop's own vertex colours.
 */
export function InstancedProps({ set, roughness = 0.8 }: { set: PropSet; roughness?: number }) {
  const ref = useRef<InstancedMesh>(null)

  useLayoutEffect(() => {
    const mesh = ref.current
    if (!mesh) return
    set.matrices.forEach((m, i) => mesh.setMatrixAt(i, m))
    set.colors.forEach((c, i) => mesh.setColorAt(i, c))
    mesh.instanceMatrix.needsUpdate = true
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true
    // the bounds must cover all instances, or the whole set is culled when its first copy is off screen
    mesh.computeBoundingSphere()
  }, [set])

  if (set.matrices.length === 0) return null
  return (
    <instancedMesh ref={ref} args={[set.geometry, undefined, set.matrices.length]}>
      <meshStandardMaterial vertexColors roughness={roughness} />
    </instancedMesh>
  )
}

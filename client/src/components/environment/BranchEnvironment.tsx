import { useThree } from '@react-three/fiber'
import { Suspense, useEffect, useMemo } from 'react'

import { BranchSignage } from './BranchSignage.tsx'
import { buildBranch, disposeBranch } from './buildBranch.ts'
import { createFloorTexture } from './floorTexture.ts'
import { InstancedProps } from './InstancedProps.tsx'

/**
 * The static branch: atrium with reception, advisory suites, sandbox hall and auditorium, built
 * procedurally in code. Static geometry is merged per material and repeated props are instanced,
 * so the whole environment costs about ten draw calls. Nothing is interactive (no pointer
 * handlers) and the visual floor lies at y = 0. Lights are separate: see `BranchLighting`.
 *
 * @example
 * <Canvas>
 *   <BranchLighting />
 *   <BranchEnvironment />
 * </Canvas>
 */
export function BranchEnvironment() {
  const gl = useThree((s) => s.gl)
  const branch = useMemo(() => buildBranch(), [])
  const floorMap = useMemo(() => createFloorTexture(Math.min(8, gl.capabilities.getMaxAnisotropy())), [gl])
  useEffect(() => () => disposeBranch(branch), [branch])
  useEffect(() => () => floorMap.dispose(), [floorMap])

  return (
    <group name="branch-environment">
      <mesh geometry={branch.floor}>
        <meshStandardMaterial vertexColors map={floorMap} roughness={0.3} />
      </mesh>
      <mesh geometry={branch.matte}>
        <meshStandardMaterial vertexColors roughness={0.9} />
      </mesh>
      <mesh geometry={branch.satin}>
        <meshStandardMaterial vertexColors roughness={0.45} />
      </mesh>
      <mesh geometry={branch.glow}>
        <meshBasicMaterial vertexColors toneMapped={false} />
      </mesh>
      <InstancedProps set={branch.columns} roughness={0.4} />
      <InstancedProps set={branch.plants} />
      <InstancedProps set={branch.chairs} />
      <InstancedProps set={branch.seats} />
      {/* glass last: transparent, and it must not hide what stands behind it from the depth test */}
      <mesh geometry={branch.glass} renderOrder={1}>
        <meshStandardMaterial vertexColors transparent depthWrite={false} roughness={0.05} />
      </mesh>
      <Suspense fallback={null}>
        <BranchSignage signs={branch.signs} />
      </Suspense>
    </group>
  )
}

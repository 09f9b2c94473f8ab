import { Text } from '@react-three/drei'

import { SUITE_ANCHOR } from './suiteAnchor.ts'
import { useSuite } from './suiteStore.ts'

const TABLE = '#8a6f52'
const WALL_PANEL = '#1f2a36'

/**
 * The advisory suite in 3D during a session: the shared sandbox table and the document/screen wall, in the first
 * suite room. Nothing is drawn outside a session.
 */
export function SuiteFurnishings() {
  const suite = useSuite((s) => s.suite)
  if (!suite) return null
  const { x, z } = SUITE_ANCHOR
  const wallText = suite.wall.kind === 'none' ? '' : `${suite.wall.title} · ${suite.wall.page}`
  return (
    <group name="suite-furnishings" position={[x, 0, z]}>
      <mesh position={[0, 0.72, 0]} name="suite-table">
        <cylinderGeometry args={[0.9, 0.9, 0.06, 32]} />
        <meshStandardMaterial color={TABLE} />
      </mesh>
      <mesh position={[0, 0.36, 0]}>
        <cylinderGeometry args={[0.08, 0.12, 0.72, 12]} />
        <meshStandardMaterial color={TABLE} />
      </mesh>
      {suite.sandboxSessionId && (
        <mesh position={[0, 0.9, 0]} name="suite-sandbox">
          <boxGeometry args={[0.6, 0.3, 0.6]} />
          <meshStandardMaterial color="#4f8fbf" transparent opacity={0.6} />
        </mesh>
      )}
      <group position={[0, 1.6, -2.2]} name="suite-wall">
        <mesh>
          <planeGeometry args={[2.4, 1.35]} />
          <meshStandardMaterial color={WALL_PANEL} />
        </mesh>
        {wallText && (
          <Text position={[0, 0, 0.01]} fontSize={0.12} maxWidth={2.2} color="#ffffff" anchorX="center">
            {wallText}
          </Text>
        )}
      </group>
    </group>
  )
}

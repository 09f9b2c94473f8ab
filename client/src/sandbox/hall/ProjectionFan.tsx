import type { SimulationResult } from '@atrium/common'
import { useFrame } from '@react-three/fiber'
import { useEffect, useMemo } from 'react'
import { BufferAttribute, BufferGeometry, DoubleSide, ShaderMaterial } from 'three'

import fragmentShader from '../../../../shaders/sandboxFan.frag.glsl?raw'
import lineFragmentShader from '../../../../shaders/sandboxFanLine.frag.glsl?raw'
import vertexShader from '../../../../shaders/sandboxFan.vert.glsl?raw'
import { buildFanLines, buildFanSurface, type FanBuffers } from './fanGeometry.ts'
import { FAN } from './hallLayout.ts'
import { fanUniforms, tickReplay } from './hallMotion.ts'

function toGeometry(b: FanBuffers): BufferGeometry {
  const g = new BufferGeometry()
  g.setAttribute('position', new BufferAttribute(b.positions, 3))
  g.setAttribute('aMonth', new BufferAttribute(b.months, 1))
  g.setAttribute('aBand', new BufferAttribute(b.bands, 1))
  if (b.index) g.setIndex(new BufferAttribute(b.index, 1))
  g.computeBoundingSphere()
  return g
}

/**
 * The two materials, made here rather than as JSX elements: the renderer's props would copy `uniforms` into a
 * new object, and the replay animates these exact uniform objects.
 */
function makeMaterials() {
  const common = { vertexShader, uniforms: fanUniforms, transparent: true, depthWrite: false }
  return {
    surface: new ShaderMaterial({ ...common, fragmentShader, side: DoubleSide }),
    lines: new ShaderMaterial({ ...common, fragmentShader: lineFragmentShader }),
  }
}

/**
 * The latest projection as a translucent fan of percentile bands over the years, with sample paths and axes as
 * lines: two draw calls. A stress replay bends both in the vertex shader through the shared uniforms.
 */
export function ProjectionFan({ result }: { result: SimulationResult }) {
  const surface = useMemo(() => toGeometry(buildFanSurface(result)), [result])
  const lines = useMemo(() => toGeometry(buildFanLines(result)), [result])
  useEffect(
    () => () => {
      surface.dispose()
      lines.dispose()
    },
    [surface, lines],
  )
  const materials = useMemo(makeMaterials, [])
  useEffect(
    () => () => {
      materials.surface.dispose()
      materials.lines.dispose()
    },
    [materials],
  )
  useFrame((state) => tickReplay(state.clock.elapsedTime))
  return (
    <group position={[0, FAN.y0, FAN.z]} name="sandbox-hall-fan">
      <mesh
        geometry={surface}
        material={materials.surface}
        name="sandbox-hall-fan-surface"
        renderOrder={2}
        raycast={() => undefined}
      />
      <lineSegments
        geometry={lines}
        material={materials.lines}
        name="sandbox-hall-fan-lines"
        renderOrder={3}
        raycast={() => undefined}
      />
    </group>
  )
}

import { useEffect, useImperativeHandle, useMemo, useRef, type Ref } from 'react'
import { InstancedBufferAttribute, Matrix4, type InstancedMesh } from 'three'

import fragmentShader from '../../../../shaders/nametag.frag.glsl?raw'
import vertexShader from '../../../../shaders/nametag.vert.glsl?raw'
import { ATLAS, NameTagAtlas } from './nameTagAtlas.ts'

/** Imperative handle the crowd uses each frame (no React state per frame). */
export interface NameTagsHandle {
  /** Places tag `i` for `slot` at (x, y, z) showing `label`. */
  set(i: number, slot: number, x: number, y: number, z: number, label: string, accent: string): void
  /** Shows the first `count` tags. */
  commit(count: number): void
}

const TAG_W = 0.64
const TAG_H = TAG_W * (ATLAS.cellH / ATLAS.cellW)
const m = new Matrix4()

/** All name tags of a room in one instanced, camera-facing draw call. */
export function NameTags({ capacity, ref }: { capacity: number; ref: Ref<NameTagsHandle> }) {
  const mesh = useRef<InstancedMesh>(null)
  const atlas = useMemo(() => new NameTagAtlas(), [])
  const cells = useMemo(() => new InstancedBufferAttribute(new Float32Array(capacity * 2), 2), [capacity])
  const uniforms = useMemo(
    () => ({ map: { value: atlas.texture }, cellSize: { value: [1 / ATLAS.cols, 1 / ATLAS.rows] } }),
    [atlas],
  )
  useEffect(() => () => atlas.dispose(), [atlas])

  useImperativeHandle(
    ref,
    () => ({
      set(i, slot, x, y, z, label, accent) {
        const target = mesh.current
        if (!target) return
        if (atlas.draw(slot, label, accent)) atlas.texture.needsUpdate = true
        const [cx, cy] = atlas.cellOf(slot)
        cells.setXY(i, cx, cy)
        m.makeScale(TAG_W, TAG_H, 1).setPosition(x, y, z)
        target.setMatrixAt(i, m)
      },
      commit(count) {
        const target = mesh.current
        if (!target) return
        target.count = count
        target.instanceMatrix.needsUpdate = true
        cells.needsUpdate = true
      },
    }),
    [atlas, cells],
  )

  return (
    <instancedMesh
      ref={mesh}
      args={[undefined, undefined, capacity]}
      frustumCulled={false}
      renderOrder={10}
      raycast={() => undefined}
    >
      <planeGeometry args={[1, 1]}>
        <primitive attach="attributes-cell" object={cells} />
      </planeGeometry>
      <shaderMaterial
        vertexShader={vertexShader}
        fragmentShader={fragmentShader}
        uniforms={uniforms}
        transparent
        depthWrite={false}
      />
    </instancedMesh>
  )
}

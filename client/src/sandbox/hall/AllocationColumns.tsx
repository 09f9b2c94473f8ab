import { useFrame, type ThreeEvent } from '@react-three/fiber'
import { useLayoutEffect, useMemo, useRef } from 'react'
import { BoxGeometry, Color, Matrix4, Quaternion, Vector3, type InstancedMesh } from 'three'

import { useSandbox } from '../panel/sandboxStore.ts'
import { weightToHeight } from './columnMapping.ts'
import { CLASS_IDS } from './hallActions.ts'
import { COLUMN_COLORS, COLUMNS, columnX } from './hallLayout.ts'
import { replayRuntime, tickReplay } from './hallMotion.ts'
import { useHall } from './hallStore.ts'
import { useColumnPointerDrag } from './useColumnPointerDrag.ts'

const N = CLASS_IDS.length
const m = new Matrix4()
const position = new Vector3()
const scale = new Vector3()
const still = new Quaternion()
const color = new Color()
const WHITE = new Color('#ffffff')
const stop = (e: ThreeEvent<MouseEvent>) => e.stopPropagation()

/**
 * The allocation as one column per asset class, in one instanced draw call. Heights follow the planner's store
 * every frame (and each class's shock during a stress replay); the focused column is lightened.
 */
export function AllocationColumns() {
  const mesh = useRef<InstancedMesh>(null)
  const geometry = useMemo(() => new BoxGeometry(1, 1, 1).translate(0, 0.5, 0), [])
  const heights = useMemo(() => new Float32Array(N).fill(-1), [])
  const shownSelected = useRef(-1)
  const onPointerDown = useColumnPointerDrag()

  useLayoutEffect(() => {
    const target = mesh.current
    if (!target) return
    for (let i = 0; i < N; i++) target.setColorAt(i, color.set(COLUMN_COLORS[i % COLUMN_COLORS.length]!))
    return () => geometry.dispose()
  }, [geometry])

  useFrame((state) => {
    tickReplay(state.clock.elapsedTime)
    const target = mesh.current
    if (!target) return
    const { allocation } = useSandbox.getState().data
    let moved = false
    for (let i = 0; i < N; i++) {
      const shock = replayRuntime.shocks[i] ?? 0
      const h = weightToHeight(allocation[CLASS_IDS[i]!] ?? 0) * Math.max(0.05, 1 + shock * replayRuntime.depth)
      if (h === heights[i]) continue
      heights[i] = h
      m.compose(position.set(columnX(i, N), 0, COLUMNS.z), still, scale.set(COLUMNS.width, h, COLUMNS.width))
      target.setMatrixAt(i, m)
      moved = true
    }
    if (moved) {
      target.instanceMatrix.needsUpdate = true
      // raycasts and culling use the instances' bounds, which change with the heights
      target.computeBoundingSphere()
      target.computeBoundingBox()
    }
    const selected = useHall.getState().selected
    if (selected !== shownSelected.current && target.instanceColor) {
      shownSelected.current = selected
      for (let i = 0; i < N; i++) {
        color.set(COLUMN_COLORS[i % COLUMN_COLORS.length]!)
        if (i === selected) color.lerp(WHITE, 0.35)
        target.setColorAt(i, color)
      }
      target.instanceColor.needsUpdate = true
    }
  })

  return (
    <instancedMesh
      ref={mesh}
      args={[geometry, undefined, N]}
      name="sandbox-hall-columns"
      onPointerDown={onPointerDown}
      onClick={stop}
    >
      <meshStandardMaterial roughness={0.4} metalness={0.05} />
    </instancedMesh>
  )
}

import { useThree, type ThreeEvent } from '@react-three/fiber'
import { useCallback, useEffect, useRef } from 'react'
import { Plane, Raycaster, Vector2, Vector3 } from 'three'

import { useSandbox } from '../panel/sandboxStore.ts'
import { dragAllocation } from './columnMapping.ts'
import { applyAllocation, CLASS_IDS, selectColumn } from './hallActions.ts'

const plane = new Plane()
const raycaster = new Raycaster()
const ndc = new Vector2()
const hit = new Vector3()
const normal = new Vector3()

/**
 * Mouse and touch drags of a column top: returns the `onPointerDown` handler of the columns' instanced mesh.
 * While a column is held, moves are read from the window in the capture phase and stopped there, so the
 * drag-to-look of DesktopControls does not turn the view at the same time. The pointer's ray is intersected
 * with an upright plane through the grabbed point that faces the camera, so moving up and down maps to height.
 * @example <instancedMesh onPointerDown={useColumnPointerDrag()} />
 */
export function useColumnPointerDrag() {
  const get = useThree((s) => s.get)
  const release = useRef<(() => void) | undefined>(undefined)
  useEffect(() => () => release.current?.(), [])

  return useCallback(
    (e: ThreeEvent<PointerEvent>) => {
      const index = e.instanceId
      const id = index === undefined ? undefined : CLASS_IDS[index]
      if (index === undefined || id === undefined) return
      e.stopPropagation()
      selectColumn(index)
      release.current?.()
      const { camera, gl } = get()
      normal.copy(camera.position).sub(e.point).setY(0)
      if (normal.lengthSq() < 1e-8) normal.set(0, 0, 1)
      plane.setFromNormalAndCoplanarPoint(normal.normalize(), e.point)
      const start = { ...useSandbox.getState().data.allocation }
      const startY = e.point.y
      const pointerId = e.pointerId
      const move = (ev: PointerEvent) => {
        if (ev.pointerId !== pointerId) return
        ev.stopPropagation()
        const rect = gl.domElement.getBoundingClientRect()
        ndc.set(((ev.clientX - rect.left) / rect.width) * 2 - 1, -((ev.clientY - rect.top) / rect.height) * 2 + 1)
        raycaster.setFromCamera(ndc, camera)
        if (raycaster.ray.intersectPlane(plane, hit)) applyAllocation(dragAllocation(start, id, hit.y - startY))
      }
      // pointerup is not stopped: DesktopControls must see it to end its own drag state
      const up = (ev: PointerEvent) => {
        if (ev.pointerId === pointerId) release.current?.()
      }
      window.addEventListener('pointermove', move, true)
      window.addEventListener('pointerup', up, true)
      window.addEventListener('pointercancel', up, true)
      release.current = () => {
        window.removeEventListener('pointermove', move, true)
        window.removeEventListener('pointerup', up, true)
        window.removeEventListener('pointercancel', up, true)
        release.current = undefined
      }
    },
    [get],
  )
}

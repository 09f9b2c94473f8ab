import { useThree } from '@react-three/fiber'
import { useEffect } from 'react'
import { Vector3, type BufferGeometry, type Object3D, type ShaderMaterial } from 'three'

import { useSandbox } from '../panel/sandboxStore.ts'
import { weightToHeight } from './columnMapping.ts'
import { CLASS_IDS } from './hallActions.ts'
import { boardButtonPoint } from './hallAtlasLayout.ts'
import { COLUMNS, columnX } from './hallLayout.ts'
import { fanUniforms, replayRuntime } from './hallMotion.ts'
import { useHall } from './hallStore.ts'
import type { HallTestHook as Hook } from './hallTestHookTypes.ts'

const v = new Vector3()

/** Installs `window.__atriumHall` for browser tests (only with `?testhook` or in development). */
export function HallTestHook({ group }: { group: { current: Object3D | null } }) {
  const get = useThree((s) => s.get)
  useEffect(() => {
    const top = (i: number, front: number) => {
      const id = CLASS_IDS[i] ?? ''
      const h = weightToHeight(useSandbox.getState().data.allocation[id] ?? 0)
      v.set(columnX(i, CLASS_IDS.length), h - 0.01, COLUMNS.z + front)
      return group.current ? group.current.localToWorld(v) : v
    }
    const button = (id: string) => {
      const [x, y, z] = boardButtonPoint(id, 0.03) ?? [0, 0, 0]
      v.set(x, y, z)
      return group.current ? group.current.localToWorld(v) : v
    }
    const onScreen = (world: Vector3) => {
      const { camera, gl } = get()
      const p = world.project(camera)
      const rect = gl.domElement.getBoundingClientRect()
      return {
        x: rect.left + ((p.x + 1) / 2) * rect.width,
        y: rect.top + ((1 - p.y) / 2) * rect.height,
        visible: p.z > -1 && p.z < 1,
      }
    }
    const hook: Hook = {
      allocation: () => ({ ...useSandbox.getState().data.allocation }),
      selected: () => useHall.getState().selected,
      classes: () => [...CLASS_IDS],
      columnScreenPoint: (i) => onScreen(top(i, COLUMNS.width / 2)),
      boardButtonScreenPoint: (id) => onScreen(button(id)),
      columnWorldTop: (i) => {
        const p = top(i, 0)
        return { x: p.x, y: p.y, z: p.z }
      },
      boardButtonWorld: (id) => {
        const p = button(id)
        return { x: p.x, y: p.y, z: p.z }
      },
      fan: () => {
        const surface = get().scene.getObjectByName('sandbox-hall-fan-surface') as
          (Object3D & { geometry: BufferGeometry; material: ShaderMaterial }) | undefined
        const lines = get().scene.getObjectByName('sandbox-hall-fan-lines') as
          (Object3D & { geometry: BufferGeometry }) | undefined
        const bands = surface?.geometry.getAttribute('aBand')
        if (!surface || !bands) return null
        const rows = new Set(Array.from(bands.array as Float32Array)).size
        return {
          vertices: bands.count,
          rows,
          bands: rows - 1,
          columns: bands.count / rows,
          lines: lines?.geometry.getAttribute('position')?.count ?? 0,
          shaderAmount: (surface.material.uniforms.uAmount?.value as number | undefined) ?? -1,
        }
      },
      replay: () => ({
        active: replayRuntime.active,
        amount: fanUniforms.uAmount.value,
        front: fanUniforms.uFront.value,
        depth: replayRuntime.depth,
        scenario: useHall.getState().replay?.scenarioIndex ?? null,
        playing: useHall.getState().replay?.playing ?? false,
      }),
      runStatus: () => useSandbox.getState().run.status,
    }
    window.__atriumHall = hook
    return () => {
      delete window.__atriumHall
    }
  }, [get, group])
  return null
}

import { useEffect, useMemo, useRef } from 'react'
import type { Group } from 'three'

import { testHookEnabled } from '../../scene/testHook.ts'
import { useSandbox } from '../panel/sandboxStore.ts'
import { useSimulation } from '../panel/useSimulation.ts'
import { AllocationColumns } from './AllocationColumns.tsx'
import { goalPoints } from './fanGeometry.ts'
import { setProjectionRunner } from './hallActions.ts'
import { HallAtlasMesh } from './HallAtlasMesh.tsx'
import { HALL_ORIGIN } from './hallLayout.ts'
import { HallOverlay } from './HallOverlay.tsx'
import { HallTestHook } from './HallTestHook.tsx'
import { ProjectionFan } from './ProjectionFan.tsx'
import { useHallKeys } from './useHallKeys.ts'
import { XRColumnGrab } from './XRColumnGrab.tsx'

/**
 * The 3D wealth sandbox on the hall's round table: the allocation as columns to grab and resize (mouse, touch,
 * controllers, keyboard), the latest projection as a fan with sample paths and the goal, a board with the plan's
 * risk and buttons, and stress replays. The plan is the planner's (panel/sandboxStore.ts), so the 2D panel and
 * the table always agree. About four draw calls: columns, fan, fan lines and one atlas for every text.
 */
export function SandboxHall() {
  const group = useRef<Group>(null)
  const { run } = useSimulation()
  useEffect(() => {
    setProjectionRunner(run)
    return () => setProjectionRunner(undefined)
  }, [run])
  useHallKeys()
  const result = useSandbox((s) => (s.run.status === 'done' ? s.run.result : undefined))
  const goal = useMemo(() => (result ? goalPoints(result)[0] : undefined), [result])
  return (
    <group
      ref={group}
      name="sandbox-hall"
      position={[HALL_ORIGIN.x, HALL_ORIGIN.y, HALL_ORIGIN.z]}
      rotation-y={HALL_ORIGIN.yaw}
    >
      <AllocationColumns />
      {result && <ProjectionFan result={result} />}
      <HallAtlasMesh goal={goal} />
      <XRColumnGrab group={group} />
      <HallOverlay />
      {testHookEnabled() && <HallTestHook group={group} />}
    </group>
  )
}

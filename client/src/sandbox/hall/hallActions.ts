/**
 * What the visitor can do at the sandbox table, whatever the input (mouse, touch, controller, keyboard, the 2D
 * controls): every allocation change goes through the planner's store and `rebalance`, so the total stays 100%
 * and the panel shows the same plan.
 */
import { applyStress, DEFAULT_ASSUMPTIONS, DEFAULT_STRESS_SCENARIOS } from '@atrium/common'

import type { Allocation } from '../panel/allocation.ts'
import { toSimulationPlan } from '../panel/planData.ts'
import { setPlanData, useSandbox } from '../panel/sandboxStore.ts'
import { nudgeAllocation } from './columnMapping.ts'
import { beginReplay } from './hallMotion.ts'
import { useHall } from './hallStore.ts'
import { stressMotion } from './stressCurve.ts'

/** Asset class ids, one column each, in assumptions order. */
export const CLASS_IDS: readonly string[] = DEFAULT_ASSUMPTIONS.assetClasses.map((a) => a.id)

/** Replaces the plan's allocation when it differs (a drag reports many identical steps). */
export function applyAllocation(allocation: Allocation): void {
  const { data } = useSandbox.getState()
  if (CLASS_IDS.every((id) => (data.allocation[id] ?? 0) === (allocation[id] ?? 0))) return
  setPlanData({ ...data, allocation })
}

/** Gives column `i` the keyboard focus (wrapping around). */
export function selectColumn(i: number): void {
  const n = CLASS_IDS.length
  useHall.getState().set({ selected: ((i % n) + n) % n })
}

/** Moves the keyboard focus by `delta` columns. */
export function cycleColumn(delta: number): void {
  selectColumn(useHall.getState().selected + delta)
}

/** Moves the focused column by `delta` percent. */
export function nudgeSelected(delta: number): void {
  const id = CLASS_IDS[useHall.getState().selected]
  if (id) applyAllocation(nudgeAllocation(useSandbox.getState().data.allocation, id, delta))
}

/** Sets the focused column to `weight` percent. */
export function setSelectedWeight(weight: number): void {
  const id = CLASS_IDS[useHall.getState().selected]
  const { allocation } = useSandbox.getState().data
  if (id) applyAllocation(nudgeAllocation(allocation, id, weight - (allocation[id] ?? 0)))
}

let runner: (() => Promise<void>) | undefined

/** Registers the planner's worker run (useSimulation), which the hall's Run action starts. */
export function setProjectionRunner(run: (() => Promise<void>) | undefined): void {
  runner = run
}

/** Starts a projection of the current plan in the simulation worker. */
export function runProjection(): void {
  void runner?.()
}

/** Applies stress scenario `index` to the plan and starts its replay on the columns and the fan. */
export function startReplay(index: number): void {
  const scenario = DEFAULT_STRESS_SCENARIOS[index]
  if (!scenario) return
  const { data, run } = useSandbox.getState()
  const plan = toSimulationPlan(data)
  const result = applyStress(scenario, { initialWealth: plan.initialWealth, allocation: plan.allocation })
  const horizon = run.status === 'done' ? run.result.horizonMonths : plan.horizonMonths
  const shocks = CLASS_IDS.map((id) => ((data.allocation[id] ?? 0) > 0 ? (scenario.shocks[id]?.shock ?? 0) : 0))
  const replay = { scenarioIndex: index, result, playing: true }
  useHall.getState().set({ scenario: index, replay })
  beginReplay(stressMotion(result, scenario, horizon), shocks, horizon, () => {
    if (useHall.getState().replay === replay) useHall.getState().set({ replay: { ...replay, playing: false } })
  })
}

/** Replays the next scenario after the last one chosen (the X key). */
export function replayNext(): void {
  const { replay, scenario } = useHall.getState()
  startReplay(replay ? (scenario + 1) % DEFAULT_STRESS_SCENARIOS.length : scenario)
}

/** Presses a board button by its id in hallAtlasLayout's BUTTONS (`run` or `stress:<index>`). */
export function pressBoardButton(id: string | undefined): void {
  if (id === 'run') runProjection()
  else if (id?.startsWith('stress:')) startReplay(Number(id.slice('stress:'.length)))
}

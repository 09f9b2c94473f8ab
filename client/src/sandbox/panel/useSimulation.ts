import { useCallback, useEffect } from 'react'

import { isAbortError, SimulationClient } from '../worker/SimulationClient.ts'
import { toSimulationPlan } from './planData.ts'
import { useSandbox } from './sandboxStore.ts'

let client: SimulationClient | undefined
let controller: AbortController | undefined

/**
 * Runs the current plan in the simulation worker with progress, and cancels it.
 * @example const { run, cancel } = useSimulation()
 */
export function useSimulation() {
  const run = useCallback(async () => {
    const { data, paths, set } = useSandbox.getState()
    controller?.abort()
    const own = new AbortController()
    controller = own
    client ??= new SimulationClient()
    set({ run: { status: 'running', done: 0, total: paths } })
    try {
      const result = await client.run(toSimulationPlan(data), { seed: data.seed, paths, signal: own.signal }, (p) =>
        set({ run: { status: 'running', done: p.done, total: p.total } }),
      )
      if (controller === own) set({ run: { status: 'done', result, data } })
    } catch (e) {
      if (controller === own) set({ run: { status: isAbortError(e) ? 'cancelled' : 'failed' } })
    }
  }, [])
  const cancel = useCallback(() => controller?.abort(), [])
  // closing the planner stops a run in progress
  useEffect(() => () => controller?.abort(), [])
  return { run, cancel }
}

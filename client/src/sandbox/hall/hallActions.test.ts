import { DEFAULT_STRESS_SCENARIOS } from '@atrium/common'
import { beforeEach, describe, expect, it } from 'vitest'

import { allocationTotal, presetAllocation } from '../panel/allocation.ts'
import { newPlanData } from '../panel/planData.ts'
import { useSandbox } from '../panel/sandboxStore.ts'
import {
  applyAllocation,
  CLASS_IDS,
  cycleColumn,
  nudgeSelected,
  pressBoardButton,
  replayNext,
  selectColumn,
  setProjectionRunner,
  setSelectedWeight,
} from './hallActions.ts'
import { fanUniforms, replayRuntime, tickReplay } from './hallMotion.ts'
import { useHall } from './hallStore.ts'
import { REPLAY_SECONDS } from './stressCurve.ts'

beforeEach(() => {
  useSandbox.getState().set({ data: newPlanData(1), run: { status: 'idle' } })
  useHall.getState().set({ selected: 0, scenario: 0, replay: undefined })
})

describe('hall actions', () => {
  it('choose columns with wrap-around and resize the chosen one in the planner store, total 100', () => {
    cycleColumn(-1)
    expect(useHall.getState().selected).toBe(CLASS_IDS.length - 1)
    selectColumn(4)
    expect(CLASS_IDS[4]).toBe('csi300')
    const before = useSandbox.getState().data.allocation.csi300!
    nudgeSelected(5)
    nudgeSelected(-1)
    expect(useSandbox.getState().data.allocation.csi300).toBe(before + 4)
    setSelectedWeight(60)
    expect(useSandbox.getState().data.allocation.csi300).toBe(60)
    expect(allocationTotal(useSandbox.getState().data.allocation)).toBe(100)
  })

  it('leave the plan object alone when a drag step changes nothing', () => {
    const data = useSandbox.getState().data
    applyAllocation({ ...data.allocation })
    expect(useSandbox.getState().data).toBe(data)
    applyAllocation(presetAllocation('growth'))
    expect(useSandbox.getState().data.allocation).toEqual(presetAllocation('growth'))
  })

  it('run the registered projection from the board button', () => {
    let runs = 0
    setProjectionRunner(async () => {
      runs++
    })
    pressBoardButton('run')
    pressBoardButton(undefined)
    expect(runs).toBe(1)
    setProjectionRunner(undefined)
  })

  it('replay a stress scenario: caption data, shader uniforms, then done', () => {
    pressBoardButton('stress:0')
    const replay = useHall.getState().replay!
    expect(replay.scenarioIndex).toBe(0)
    expect(replay.playing).toBe(true)
    expect(replay.result.scenarioId).toBe(DEFAULT_STRESS_SCENARIOS[0]!.id)
    expect(replay.result.loss).toBeGreaterThan(0)
    expect(fanUniforms.uLoss.value).toBeCloseTo(replay.result.lossFraction, 12)
    // the csi300 column carries the scenario's equity shock
    expect(replayRuntime.shocks[4]).toBeCloseTo(DEFAULT_STRESS_SCENARIOS[0]!.shocks.csi300!.shock, 6)
    tickReplay(100)
    tickReplay(100 + REPLAY_SECONDS.sweep / 4)
    expect(fanUniforms.uAmount.value).toBe(1)
    expect(replayRuntime.depth).toBeGreaterThan(0)
    tickReplay(100 + REPLAY_SECONDS.sweep + REPLAY_SECONDS.hold + REPLAY_SECONDS.fade)
    expect(fanUniforms.uAmount.value).toBe(0)
    expect(useHall.getState().replay?.playing).toBe(false)
    // X moves on to the next scenario
    replayNext()
    expect(useHall.getState().replay?.scenarioIndex).toBe(1)
  })
})

/**
 * Slow UI state of the sandbox hall: which column has keyboard focus, which stress scenario is chosen and the
 * replay whose caption shows. The plan itself lives in the planner's store (panel/sandboxStore.ts), so the 2D
 * panel and the hall always show the same allocation.
 */
import type { StressResult } from '@atrium/common'
import { create } from 'zustand'

/** The replay the caption describes; `playing` turns false when its animation ends (the caption stays). */
export interface HallReplay {
  scenarioIndex: number
  result: StressResult
  playing: boolean
}

interface HallState {
  /** Index into the asset classes (DEFAULT_ASSUMPTIONS order). */
  selected: number
  /** Index into DEFAULT_STRESS_SCENARIOS. */
  scenario: number
  replay: HallReplay | undefined
  set: (partial: Partial<Omit<HallState, 'set'>>) => void
}

/** The hall's own state (never per-frame values: those live in hallMotion.ts). */
export const useHall = create<HallState>()((set) => ({
  selected: 0,
  scenario: 0,
  replay: undefined,
  set: (partial) => set(partial),
}))

import type { SimulationResult } from '@atrium/common'
import { create } from 'zustand'

import { newPlanData, type SandboxPlanData } from './planData.ts'

/** Paths the planner offers; 2,000 by default. */
export const PATH_CHOICES = [500, 2000, 5000] as const

export type RunState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number }
  | { status: 'done'; result: SimulationResult; data: SandboxPlanData }
  | { status: 'cancelled' }
  | { status: 'failed' }

interface SandboxState {
  open: boolean
  data: SandboxPlanData
  paths: number
  run: RunState
  set: (partial: Partial<SandboxState>) => void
}

/** The planner panel: slow UI state, outside the app store so the panel owns it. */
export const useSandbox = create<SandboxState>()((set) => ({
  open: false,
  data: newPlanData(),
  paths: 2000,
  run: { status: 'idle' },
  set: (partial) => set(partial),
}))

export const openSandbox = () => useSandbox.getState().set({ open: true })
export const closeSandbox = () => useSandbox.getState().set({ open: false })

/** Replaces the plan being edited (a result of another plan stays until the next run). */
export function setPlanData(data: SandboxPlanData): void {
  useSandbox.getState().set({ data })
}

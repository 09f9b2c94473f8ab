/** The signed-in customer's recorded confirmations of suitability warnings (POST/GET /api/me/suitability/confirmations). */
import {
  confirmationKey,
  needsConfirmation,
  SUITABILITY_DISCLOSURE,
  type Lang,
  type PlanSuitabilityCheck,
  type SandboxPlanData,
  type SuitabilityConfirmationView,
} from '@atrium/common'
import { create } from 'zustand'

import { apiFetch } from '../../auth/apiFetch.ts'

interface ConfirmationsState {
  /** confirmationKey(check) of every recorded confirmation. */
  keys: string[]
  set: (partial: Partial<ConfirmationsState>) => void
}

export const useConfirmations = create<ConfirmationsState>()((set) => ({ keys: [], set: (partial) => set(partial) }))

/** Loads the customer's confirmations (on opening the planner as a customer). */
export async function loadConfirmations(): Promise<void> {
  const list = await apiFetch<SuitabilityConfirmationView[]>('/api/me/suitability/confirmations')
  useConfirmations.getState().set({ keys: list.map((c) => c.key) })
}

/** Records the customer's confirmation of the warning `data` shows now; the server checks it again. */
export async function confirmSuitability(data: SandboxPlanData, lang: Lang): Promise<void> {
  const view = await apiFetch<SuitabilityConfirmationView>('/api/me/suitability/confirmations', {
    method: 'POST',
    body: { data, disclosureVersion: SUITABILITY_DISCLOSURE.version, lang },
  })
  const keys = useConfirmations.getState().keys
  if (!keys.includes(view.key)) useConfirmations.getState().set({ keys: [...keys, view.key] })
}

/** Whether a plan with this check may be saved or accepted: no warning, or a recorded confirmation of it. */
export function isCleared(check: PlanSuitabilityCheck | undefined, keys: readonly string[]): boolean {
  return !needsConfirmation(check) || keys.includes(confirmationKey(check!))
}

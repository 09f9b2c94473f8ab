/** Saved plans of the signed-in customer: GET/POST /api/me/plans, DELETE /api/me/plans/:id. */
import type { PlanView } from '@atrium/common'

import { apiFetch } from '../../auth/apiFetch.ts'
import type { SandboxPlanData } from './planData.ts'

export function listPlans(): Promise<PlanView[]> {
  return apiFetch<PlanView[]>('/api/me/plans')
}

export function savePlan(name: string, data: SandboxPlanData): Promise<PlanView> {
  return apiFetch<PlanView>('/api/me/plans', { method: 'POST', body: { name, data } })
}

export function deletePlan(id: string): Promise<void> {
  return apiFetch<void>(`/api/me/plans/${encodeURIComponent(id)}`, { method: 'DELETE' })
}

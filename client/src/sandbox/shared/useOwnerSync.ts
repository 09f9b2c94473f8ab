import { useEffect } from 'react'

import { planSuitability } from '../panel/planData.ts'
import { useSandbox } from '../panel/sandboxStore.ts'
import { isCleared, useConfirmations } from '../panel/suitabilityStore.ts'
import { useRiskAssessment } from '../panel/useRiskAssessment.ts'
import { isSharedPlan, sendEdit } from './ShareConnection.ts'
import { useShare } from './shareStore.ts'

/** Edits settle this long before they are sent, so dragging a slider sends one change, not dozens. */
const SETTLE_MS = 400

/**
 * While the owner is in a shared session, sends their edits of the planner (from the panel or the 3D hall) to the
 * room. A plan whose warning is not yet confirmed waits until the owner confirms it. Mounted only while joined as
 * owner (see OwnerSync), so nobody else fetches a risk profile for it.
 * @example useOwnerSync()
 */
export function useOwnerSync(): void {
  const owner = useShare((s) => s.status === 'joined' && s.role === 'owner')
  const data = useSandbox((s) => s.data)
  const keys = useConfirmations((s) => s.keys)
  const assessment = useRiskAssessment()
  useEffect(() => {
    if (!owner || isSharedPlan(data)) return
    if (!isCleared(planSuitability(data.allocation, assessment), keys)) return
    const timer = setTimeout(() => sendEdit(data), SETTLE_MS)
    return () => clearTimeout(timer)
  }, [owner, data, keys, assessment])
}

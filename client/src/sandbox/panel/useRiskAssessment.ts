import { assessmentFromProfile, type ProfileView, type RiskAssessment } from '@atrium/common'
import { useEffect, useState } from 'react'

import { apiFetch } from '../../auth/apiFetch.ts'
import { useSession } from '../../auth/useSession.ts'

/** Scoring of a stored profile; it lives in `@atrium/common` so the server scores profiles the same way. */
export { assessmentFromProfile }

/**
 * The signed-in customer's risk assessment from their saved profile; undefined for guests, staff and customers
 * without a complete questionnaire. `enabled` false holds the request back (the 3D hall asks only while the visitor
 * stands in it, so signing in does not fetch a profile nobody looks at).
 * @example const assessment = useRiskAssessment()
 */
export function useRiskAssessment(enabled = true): RiskAssessment | undefined {
  const customerId = useSession((s) => (s.user?.role === 'customer' ? s.user.id : undefined))
  const [assessment, setAssessment] = useState<{ owner: string; value: RiskAssessment | undefined }>()
  useEffect(() => {
    if (!customerId || !enabled) return
    let live = true
    // 204 (undefined): no questionnaire answered yet
    apiFetch<ProfileView | undefined>('/api/me/profile').then(
      (p) => live && setAssessment({ owner: customerId, value: p && assessmentFromProfile(p) }),
      () => live && setAssessment({ owner: customerId, value: undefined }),
    )
    return () => {
      live = false
    }
  }, [customerId, enabled])
  return customerId && assessment?.owner === customerId ? assessment.value : undefined
}

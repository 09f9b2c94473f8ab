import {
  assessRisk,
  DEFAULT_QUESTIONNAIRE,
  FinanceDataError,
  type Answers,
  type ProfileView,
  type RiskAssessment,
} from '@atrium/common'
import { useEffect, useState } from 'react'

import { apiFetch } from '../../auth/apiFetch.ts'
import { useSession } from '../../auth/useSession.ts'

/** The stored profile's answers (option index per question) scored as when they were saved; undefined if none. */
export function assessmentFromProfile(profile: Pick<ProfileView, 'answers' | 'updatedAt'>): RiskAssessment | undefined {
  const answers: Answers = {}
  for (const q of DEFAULT_QUESTIONNAIRE.questions) {
    const index = profile.answers[q.id]
    const option = index === undefined ? undefined : q.options[index]
    if (option) answers[q.id] = option.id
  }
  try {
    return assessRisk(DEFAULT_QUESTIONNAIRE, answers, profile.updatedAt)
  } catch (e) {
    if (e instanceof FinanceDataError) return undefined
    throw e
  }
}

/**
 * The signed-in customer's risk assessment from their saved profile; undefined for guests, staff and customers
 * without a complete questionnaire.
 * @example const assessment = useRiskAssessment()
 */
export function useRiskAssessment(): RiskAssessment | undefined {
  const customerId = useSession((s) => (s.user?.role === 'customer' ? s.user.id : undefined))
  const [assessment, setAssessment] = useState<{ owner: string; value: RiskAssessment | undefined }>()
  useEffect(() => {
    if (!customerId) return
    let live = true
    apiFetch<ProfileView>('/api/me/profile').then(
      (p) => live && setAssessment({ owner: customerId, value: assessmentFromProfile(p) }),
      () => live && setAssessment({ owner: customerId, value: undefined }),
    )
    return () => {
      live = false
    }
  }, [customerId])
  return customerId && assessment?.owner === customerId ? assessment.value : undefined
}

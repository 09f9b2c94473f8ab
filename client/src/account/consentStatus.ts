import { CONSENT_TEXTS, type ConsentPurpose, type ConsentState } from '@atrium/common'

/** How a consent reads to the customer: an older text's grant no longer counts and must be given again. */
export type ConsentStatus = 'granted' | 'outdated' | 'none'

export function consentStatus(state: ConsentState | undefined): ConsentStatus {
  if (!state?.granted) return 'none'
  return state.version === state.currentVersion ? 'granted' : 'outdated'
}

/** The body of PUT /api/me/consents: always the version of the text on screen. */
export function consentRequest(purpose: ConsentPurpose, granted: boolean) {
  return { purpose, granted, version: CONSENT_TEXTS[purpose].version }
}

import { CONSENT_TEXTS, type ConsentState } from '@atrium/common'
import { describe, expect, it } from 'vitest'

import { consentRequest, consentStatus } from './consentStatus.ts'

const state = (granted: boolean, version: number | null, currentVersion = 2): ConsentState => ({
  purpose: 'marketing',
  granted,
  version,
  currentVersion,
  updatedAt: version === null ? null : 1,
})

describe('consentStatus', () => {
  it('counts only a grant of the current text', () => {
    expect(consentStatus(state(true, 2))).toBe('granted')
    expect(consentStatus(state(true, 1))).toBe('outdated')
    expect(consentStatus(state(false, 2))).toBe('none')
    expect(consentStatus(state(false, null))).toBe('none')
    expect(consentStatus(undefined)).toBe('none')
  })

  it('sends the version of the text shown', () => {
    expect(consentRequest('share_with_advisor', true)).toEqual({
      purpose: 'share_with_advisor',
      granted: true,
      version: CONSENT_TEXTS.share_with_advisor.version,
    })
  })
})

import { describe, expect, it } from 'vitest'

import { ApiRequestError, toApiError } from './ApiRequestError.ts'
import { errorMessage, fieldErrors, toIssues } from './errorMessage.ts'

describe('errorMessage', () => {
  it('maps known API codes to their own message', () => {
    expect(errorMessage(new ApiRequestError(409, 'login_taken', 'x'))).toEqual({ key: 'apiErrors.login_taken' })
    expect(errorMessage(new ApiRequestError(401, 'invalid_credentials', 'x')).key).toBe('apiErrors.invalid_credentials')
    expect(errorMessage(new ApiRequestError(403, 'account_disabled', 'x')).key).toBe('apiErrors.account_disabled')
    expect(errorMessage(new ApiRequestError(0, 'network', 'x')).key).toBe('apiErrors.network')
  })

  it('says how long to wait when rate limited', () => {
    const e = toApiError(429, { error: { code: 'rate_limited', message: 'slow' } }, '42')
    expect(errorMessage(e)).toEqual({ key: 'apiErrors.rate_limited', params: { seconds: 42 } })
    const noHeader = toApiError(429, { error: { code: 'rate_limited', message: 'slow' } }, null)
    expect(errorMessage(noHeader)).toEqual({ key: 'apiErrors.rate_limited_later' })
  })

  it('treats an expired token as an expired session and unknown codes generically', () => {
    expect(errorMessage(new ApiRequestError(401, 'token_expired', 'x')).key).toBe('apiErrors.session_expired')
    expect(errorMessage(new ApiRequestError(401, 'session_ended', 'x')).key).toBe('apiErrors.session_expired')
    expect(errorMessage(new ApiRequestError(409, 'consent_outdated', 'x')).key).toBe('apiErrors.consent_outdated')
    expect(errorMessage(new ApiRequestError(418, 'teapot', 'x')).key).toBe('apiErrors.unknown')
    expect(errorMessage(new ApiRequestError(502, 'bad_gateway', 'x')).key).toBe('apiErrors.internal')
    expect(errorMessage(new Error('boom')).key).toBe('apiErrors.unknown')
  })
})

describe('toApiError', () => {
  it('reads the one error shape and tolerates other bodies', () => {
    const e = toApiError(
      400,
      { error: { code: 'invalid_body', message: 'bad', issues: [{ path: 'a', message: 'm' }] } },
      null,
    )
    expect([e.status, e.code, e.issues.length, e.retryAfter]).toEqual([400, 'invalid_body', 1, undefined])
    expect(toApiError(503, 'nonsense', null).code).toBe('internal')
    expect(toApiError(404, undefined, 'soon').retryAfter).toBeUndefined()
  })
})

describe('fieldErrors', () => {
  it('keeps the first issue per known field', () => {
    const issues = toIssues([
      { path: ['loginId'], message: 'enter an email' },
      { path: ['loginId'], message: 'again' },
      { path: ['password'], message: 'short' },
      { path: ['look', 'color'], message: 'odd' },
    ])
    expect(fieldErrors(issues)).toEqual({ loginId: 'fields.loginId', password: 'fields.password' })
  })

  it('reads the guest form name as a display name', () => {
    expect(fieldErrors([{ path: 'name', message: 'x' }])).toEqual({ displayName: 'fields.displayName' })
  })
})

import { describe, expect, it } from 'vitest'

import { auditQuery, localTimeToMs, NO_AUDIT_FILTERS, queryString } from './queryString.ts'

describe('queryString', () => {
  it('keeps only the values that are set and encodes them', () => {
    expect(queryString({ q: 'a b&c', role: undefined, limit: 50, offset: 0, empty: '' })).toBe(
      '?q=a+b%26c&limit=50&offset=0',
    )
    expect(queryString({ a: undefined })).toBe('')
  })
})

describe('auditQuery', () => {
  it('sends no filters by default', () => {
    expect(auditQuery(NO_AUDIT_FILTERS, 100)).toBe('?limit=100')
  })

  it('turns local date-times into epoch milliseconds and trims ids', () => {
    const from = '2026-03-01T09:30'
    const q = new URLSearchParams(
      auditQuery({ ...NO_AUDIT_FILTERS, actor: ' u_abcdefgh ', action: 'auth.login', from }, 50, 17).slice(1),
    )
    expect(q.get('actor')).toBe('u_abcdefgh')
    expect(q.get('action')).toBe('auth.login')
    expect(q.get('from')).toBe(String(new Date(from).getTime()))
    expect(q.get('before')).toBe('17')
    expect(q.has('to')).toBe(false)
  })

  it('ignores unreadable times', () => {
    expect(localTimeToMs('')).toBeUndefined()
    expect(localTimeToMs('not a date')).toBeUndefined()
  })
})

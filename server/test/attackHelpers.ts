import { expect } from 'vitest'

import type { ApiResult } from './accountHelpers.ts'

/** Signing secret of the attack suites' SQLite server, so a test can forge tokens with it (or with another key). */
export const SECRET = 'attack-suite-secret-that-is-long-enough-0123456789'

/** Asserts a refusal with the expected status and code, and that none of `secrets` appear in the answer. */
export function expectRefused(r: ApiResult<unknown>, status: number, code?: string, secrets: string[] = []): void {
  expect(r.status, r.text).toBe(status)
  if (code) expect(r.error?.code).toBe(code)
  for (const s of secrets) expect(r.text).not.toContain(s)
}

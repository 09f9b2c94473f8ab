import { CLOSE_ABUSE, CLOSE_SESSION_ENDED } from '@atrium/common'
import { describe, expect, it } from 'vitest'

import { rejoinsShareAfter } from './shareRejoin.ts'

describe('rejoinsShareAfter', () => {
  it('joins again after a dropped connection or a server going away', () => {
    for (const code of [1001, 1006, 1011, 4002]) expect(rejoinsShareAfter(code)).toBe(true)
  })

  it('stays out after leaving, a closed session, an ended sign-in or an abuse removal', () => {
    for (const code of [1000, 4000, CLOSE_SESSION_ENDED, CLOSE_ABUSE]) expect(rejoinsShareAfter(code)).toBe(false)
  })
})

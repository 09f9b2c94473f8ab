import { RECEPTION, ZONES } from '@atrium/common'
import { describe, expect, it } from 'vitest'

import { HOST_SPOT } from '../components/environment/layout.ts'
import { HOST_TALK_RADIUS, isNearHost } from './nearHost.ts'

describe('isNearHost', () => {
  it('is true in front of the reception desk and false at the entrance', () => {
    const front = RECEPTION.z + RECEPTION.depth / 2 + 0.4
    expect(isNearHost(0, front)).toBe(true)
    expect(isNearHost(ZONES.atrium.spawn.x, ZONES.atrium.spawn.z)).toBe(false)
  })

  it('uses the talking radius around the host', () => {
    expect(isNearHost(HOST_SPOT.x + HOST_TALK_RADIUS - 0.01, HOST_SPOT.z)).toBe(true)
    expect(isNearHost(HOST_SPOT.x, HOST_SPOT.z + HOST_TALK_RADIUS + 0.01)).toBe(false)
  })
})

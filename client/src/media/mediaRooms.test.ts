import { describe, expect, it } from 'vitest'

import { isMeeting, mayModerate, publishSources, roomKindForZone, sameRoom, targetRoom } from './mediaRooms.ts'

const suite = { room: 'suite', reference: 'H-ABCDEFGH' } as const

describe('targetRoom', () => {
  it('uses the zone’s room without an override, and the override wherever the visitor walks', () => {
    expect(targetRoom('atrium', 2, null)).toEqual({ room: 'atrium', instance: 2 })
    expect(targetRoom('suites', 2, null)).toEqual({ room: 'atrium', instance: 2 })
    expect(targetRoom('auditorium', 2, null)).toEqual({ room: 'auditorium', instance: 2 })
    expect(targetRoom('atrium', 2, suite)).toBe(suite)
    expect(targetRoom('auditorium', 2, suite)).toBe(suite)
    expect(roomKindForZone('sandbox')).toBe('atrium')
  })

  it('compares rooms by LiveKit name', () => {
    expect(sameRoom({ room: 'atrium', instance: 1 }, { room: 'atrium', instance: 1 })).toBe(true)
    expect(sameRoom({ room: 'atrium', instance: 1 }, { room: 'auditorium', instance: 1 })).toBe(false)
    expect(sameRoom(suite, { room: 'suite', reference: 'H-ABCDEFGH' })).toBe(true)
    expect(sameRoom(suite, undefined)).toBe(false)
  })

  it('is spatial only in the atrium', () => {
    expect(isMeeting({ room: 'atrium', instance: 1 })).toBe(false)
    expect(isMeeting({ room: 'auditorium', instance: 1 })).toBe(true)
    expect(isMeeting(suite)).toBe(true)
  })
})

describe('publishSources', () => {
  it('follows the token until a live permission arrives, then the permission', () => {
    expect(publishSources(undefined, ['microphone'])).toEqual(['microphone'])
    expect(publishSources({ canPublish: false, canPublishSources: [2] }, ['microphone'])).toEqual([])
    expect(publishSources({ canPublish: true, canPublishSources: [] }, [])).toEqual([
      'microphone',
      'camera',
      'screen_share',
    ])
    // LiveKit's TrackSource: CAMERA 1, MICROPHONE 2, SCREEN_SHARE 3, SCREEN_SHARE_AUDIO 4
    expect(publishSources({ canPublish: true, canPublishSources: [2, 1] }, [])).toEqual(['microphone', 'camera'])
    expect(publishSources({ canPublish: true, canPublishSources: [3, 4] }, [])).toEqual(['screen_share'])
  })
})

describe('mayModerate', () => {
  it('mirrors the server policy for media.moderate', () => {
    const atrium = { room: 'atrium', instance: 1 } as const
    const auditorium = { room: 'auditorium', instance: 1 } as const
    for (const role of ['compliance', 'admin'] as const) {
      expect([atrium, auditorium, suite].every((r) => mayModerate(role, r))).toBe(true)
    }
    expect([atrium, auditorium, suite].map((r) => mayModerate('educator', r))).toEqual([false, true, false])
    expect([atrium, auditorium, suite].map((r) => mayModerate('advisor', r))).toEqual([false, false, true])
    for (const role of ['guest', 'customer', undefined] as const) {
      expect([atrium, auditorium, suite].some((r) => mayModerate(role, r))).toBe(false)
    }
    expect(mayModerate('admin', undefined)).toBe(false)
  })
})

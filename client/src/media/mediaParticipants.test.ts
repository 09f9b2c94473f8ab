import { describe, expect, it } from 'vitest'

import { panelIdentities, participantViews, screenIdentity, type ParticipantLike } from './mediaParticipants.ts'

function participant(identity: string, tracks: [string, string, boolean][], canPublish = true): ParticipantLike {
  return {
    identity,
    trackPublications: new Map(tracks.map(([sid, source, isMuted]) => [sid, { trackSid: sid, source, isMuted }])),
    permissions: { canPublish, canPublishSources: canPublish ? [1, 2] : [] },
  }
}

const views = participantViews([
  participant('u_presenter1', [
    ['TR_a', 'microphone', false],
    ['TR_b', 'camera', true],
    ['TR_c', 'screen_share_audio', false],
  ]),
  participant('g_listener1', [], false),
  participant('u_sharer001', [['TR_d', 'screen_share', false]]),
])

describe('participantViews', () => {
  it('lists each participant’s known tracks and what they may publish', () => {
    expect(views['u_presenter1']).toEqual({
      identity: 'u_presenter1',
      canPublish: ['microphone', 'camera'],
      tracks: [
        { sid: 'TR_a', source: 'microphone', muted: false },
        { sid: 'TR_b', source: 'camera', muted: true },
      ],
    })
    expect(views['g_listener1']?.canPublish).toEqual([])
  })
})

describe('panels and screens', () => {
  it('gives a panel to everyone with a camera (muted too), and to every party of a suite', () => {
    expect(panelIdentities(views, { room: 'auditorium', instance: 1 })).toEqual(['u_presenter1'])
    expect(panelIdentities(views, { room: 'suite', reference: 'H-ABCDEFGH' })).toEqual([
      'g_listener1',
      'u_presenter1',
      'u_sharer001',
    ])
  })

  it('shows one live screen share', () => {
    expect(screenIdentity(views)).toBe('u_sharer001')
    const muted = participantViews([participant('u_sharer001', [['TR_d', 'screen_share', true]])])
    expect(screenIdentity(muted)).toBeUndefined()
  })
})

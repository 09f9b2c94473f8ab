import { MediaMuteRequest, MediaRemoveRequest, MediaSpeakerRequest } from '@atrium/common'
import { describe, expect, it } from 'vitest'

import type { MediaParticipantView } from '../mediaParticipants.ts'
import { moderationActions } from './moderationActions.ts'

const SCHEMAS = {
  '/api/media/moderation/mute': MediaMuteRequest,
  '/api/media/moderation/remove': MediaRemoveRequest,
  '/api/media/moderation/speaker': MediaSpeakerRequest,
} as const

const speaker: MediaParticipantView = {
  identity: 'g_abcdefgh12',
  canPublish: ['microphone', 'camera'],
  tracks: [
    { sid: 'TR_mic1', source: 'microphone', muted: false },
    { sid: 'TR_cam1', source: 'camera', muted: true },
    { sid: 'TR_scr1', source: 'screen_share', muted: false },
  ],
}

describe('moderationActions', () => {
  it('mutes each live track, demotes a speaker and removes, in the auditorium', () => {
    const actions = moderationActions({ room: 'auditorium', instance: 2 }, speaker)
    expect(actions.map((a) => a.id)).toEqual(['mute-microphone', 'mute-screen_share', 'demote', 'remove'])
    expect(actions[0]!.body).toEqual({
      room: 'auditorium',
      instance: 2,
      identity: speaker.identity,
      trackSid: 'TR_mic1',
    })
    expect(actions[2]!.body).toMatchObject({ speaker: false })
  })

  it('promotes a listener; never offers promotion in a suite', () => {
    const listener = { ...speaker, canPublish: [], tracks: [] }
    expect(moderationActions({ room: 'auditorium', instance: 1 }, listener).map((a) => a.id)).toEqual([
      'promote',
      'remove',
    ])
    const suite = moderationActions({ room: 'suite', reference: 'H-ABCDEFGH' }, speaker).map((a) => a.id)
    expect(suite).toEqual(['mute-microphone', 'mute-screen_share', 'remove'])
  })

  it('builds bodies the server accepts', () => {
    for (const ref of [
      { room: 'auditorium', instance: 3 } as const,
      { room: 'suite', reference: 'H-ABCDEFGH' } as const,
      { room: 'atrium', instance: 1 } as const,
    ]) {
      for (const a of moderationActions(ref, speaker)) {
        expect(SCHEMAS[a.path].safeParse(a.body).success, `${ref.room} ${a.id}`).toBe(true)
      }
    }
  })
})

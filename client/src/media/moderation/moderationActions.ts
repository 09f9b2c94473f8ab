import type { MediaRoomRef } from '@atrium/common'

import type { MediaParticipantView } from '../mediaParticipants.ts'

/** One moderation button: what it does, its API request, and its translation keys. */
export interface ModerationAction {
  /** Stable id, used for the button's DOM id and test selectors. */
  id: string
  /** Short visible text key and the full accessible-name key (with `{{name}}`). */
  text: string
  label: string
  path: '/api/media/moderation/mute' | '/api/media/moderation/remove' | '/api/media/moderation/speaker'
  body: Record<string, unknown>
}

const MUTE_KEYS = {
  microphone: ['video.muteMic', 'video.muteMicLabel'],
  camera: ['video.muteCamera', 'video.muteCameraLabel'],
  screen_share: ['video.muteScreen', 'video.muteScreenLabel'],
} as const

/**
 * What a moderator can do to participant `p` in room `ref`: mute each live track, remove them, and in the auditorium
 * promote them to speaker or return them to the audience. Bodies follow the zod schemas in common/src/media.ts.
 */
export function moderationActions(ref: MediaRoomRef, p: MediaParticipantView): ModerationAction[] {
  const actions: ModerationAction[] = []
  for (const track of p.tracks) {
    if (track.muted) continue
    const [text, label] = MUTE_KEYS[track.source]
    actions.push({
      id: `mute-${track.source}`,
      text,
      label,
      path: '/api/media/moderation/mute',
      body: { ...ref, identity: p.identity, trackSid: track.sid },
    })
  }
  if (ref.room === 'auditorium') {
    const speaker = p.canPublish.length === 0
    actions.push({
      id: speaker ? 'promote' : 'demote',
      text: speaker ? 'video.promote' : 'video.demote',
      label: speaker ? 'video.promoteLabel' : 'video.demoteLabel',
      path: '/api/media/moderation/speaker',
      body: { ...ref, identity: p.identity, speaker },
    })
  }
  actions.push({
    id: 'remove',
    text: 'video.remove',
    label: 'video.removeLabel',
    path: '/api/media/moderation/remove',
    body: { ...ref, identity: p.identity },
  })
  return actions
}

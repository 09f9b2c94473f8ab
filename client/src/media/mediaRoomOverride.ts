import type { MediaRoomRef } from '@atrium/common'
import { createStore } from 'zustand/vanilla'

/**
 * A media room that takes precedence over the zone's room: an advisory suite session (`{ room: 'suite', reference }`)
 * or an education event's auditorium. Features that own such a session set it when their participant enters and clear
 * it (null) when they leave; the media connection then moves to that room, and back to the zone's room afterwards.
 */
export const mediaRoomOverride = createStore<{ ref: MediaRoomRef | null }>()(() => ({ ref: null }))

/** Moves this visitor's voice and video to `ref`, or back to the zone's media room with null. */
export function setMediaRoomOverride(ref: MediaRoomRef | null): void {
  mediaRoomOverride.setState({ ref })
}

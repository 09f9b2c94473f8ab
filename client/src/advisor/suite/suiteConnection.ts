import { ROOMS, SUITE_C2S, SUITE_S2C, SuiteState, type SuiteWallMsg } from '@atrium/common'
import { Client, type Room } from 'colyseus.js'

import { setMediaRoomOverride } from '../../media/mediaRoomOverride.ts'
import { suiteStore, type SuiteSnapshot } from './suiteStore.ts'

let current: Room<SuiteState> | undefined

function snapshot(state: SuiteState): SuiteSnapshot {
  return {
    reference: state.reference,
    participants: [...state.participants.values()].map((p) => ({
      id: p.id,
      name: p.name,
      role: p.role,
      present: p.present,
    })),
    sandboxSessionId: state.sandboxSessionId,
    wall: { kind: state.wall.kind, title: state.wall.title, page: state.wall.page },
  }
}

function endpoint(): string {
  if (import.meta.env.DEV) return `ws://${location.hostname}:2567`
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`
}

/**
 * Enters an advisory suite: joins its private room (the server admits only the session's parties) and moves this
 * visitor's voice and video to the suite's LiveKit room. Leaving (or the session ending) undoes both.
 */
export async function enterSuite(reference: string, token: string): Promise<void> {
  if (current?.state.reference === reference) return
  await leaveSuite()
  const client = new Client(endpoint())
  client.auth.token = token
  const room = await client.joinOrCreate(ROOMS.suite, { reference }, SuiteState)
  current = room
  suiteStore.setState({ ended: false })
  room.onStateChange((state) => suiteStore.setState({ suite: snapshot(state) }))
  room.onMessage(SUITE_S2C.ended, () => suiteStore.setState({ ended: true }))
  room.onMessage(SUITE_S2C.error, (e: unknown) => console.warn('[suite]', e))
  room.onLeave(() => {
    if (current === room) current = undefined
    suiteStore.setState({ suite: null })
    setMediaRoomOverride(null)
  })
  setMediaRoomOverride({ room: 'suite', reference })
}

/** Leaves the suite (if in one); voice and video go back to the zone's room. */
export async function leaveSuite(): Promise<void> {
  const room = current
  current = undefined
  if (room) await room.leave().catch(() => undefined)
  suiteStore.setState({ suite: null })
  setMediaRoomOverride(null)
}

/** Puts a document or screen on the suite wall (validated again by the room). */
export function showOnWall(wall: SuiteWallMsg): void {
  current?.send(SUITE_C2S.wall, wall)
}

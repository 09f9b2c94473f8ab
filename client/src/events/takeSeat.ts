import { EV_C2S, type Attendee, type AuditoriumState } from '@atrium/common'
import type { Room } from 'colyseus.js'

import type { BranchConnection } from '../net/BranchConnection.ts'
import { localPlayer, placeAt } from '../player/localPlayer.ts'
import { STAGE } from '../components/environment/layout.ts'
import { auditoriumRoom, sendAuditorium } from './auditoriumConnection.ts'
import { STAGE_SEAT } from './seatedAttendees.ts'
import { seatPosition } from './stage/seatLayout.ts'

/** How long to wait for the room state to name the visitor's seat after joining. */
const SEAT_WAIT_MS = 10_000
/** Walking further than this (m) from the seat stands the visitor up: about one seat or row away. */
const STAND_UP_M = 0.75

/** Where the visitor sits, and in which room: the render loop stands them up when they walk away (useSeatKeeper). */
let sittingAt: { x: number; z: number; room: Room<AuditoriumState> } | undefined

/** A floor spot and the yaw to face from it. */
export interface SeatSpot {
  x: number
  z: number
  yaw: number
}

/**
 * Where a seat is: a hall seat faces the stage (yaw 0 looks towards −z, where the stage is); the host and oversight
 * staff stand just in front of the stage, facing the audience.
 */
export function seatSpot(seat: number): SeatSpot {
  if (seat === STAGE_SEAT) return { x: 0, z: STAGE.maxZ + 0.6, yaw: Math.PI }
  return { ...seatPosition(seat), yaw: 0 }
}

/**
 * Takes the visitor to their seat in the auditorium they joined, facing the stage, and tells the room they sit there.
 * The branch is told first (travel to the auditorium's entrance), so the teleport from there to the seat is within
 * reach and valid. Resolves false when the room never named a seat.
 */
export async function sitDown(connection: BranchConnection): Promise<boolean> {
  const room = auditoriumRoom()
  const me = room && (await ownAttendee(room))
  if (!me || room !== auditoriumRoom()) return false
  const spot = seatSpot(me.seat)
  connection.travel('auditorium')
  placeAt(spot.x, spot.z, spot.yaw)
  // the pose sender announces the jump, as for any teleport
  localPlayer.jumps++
  if (me.host) return true
  sittingAt = { x: spot.x, z: spot.z, room }
  if (!me.seated) sendAuditorium(EV_C2S.seat, { seated: true })
  return true
}

/**
 * Where the visitor sits now, if they still sit in the auditorium they are in (read per frame). A seat in a room
 * the visitor has left is forgotten.
 */
export function currentSeat(): { x: number; z: number } | undefined {
  if (sittingAt && sittingAt.room !== auditoriumRoom()) sittingAt = undefined
  return sittingAt
}

/**
 * Stands the visitor up once their feet at (x, z) are more than `STAND_UP_M` from the seat: the auditorium stops
 * drawing them there and the branch draws them where they walk.
 */
export function standUpIfAway(x: number, z: number): void {
  const seat = currentSeat()
  if (!seat || Math.hypot(x - seat.x, z - seat.z) <= STAND_UP_M) return
  sittingAt = undefined
  sendAuditorium(EV_C2S.seat, { seated: false })
}

/** The visitor's own attendee entry, once the room state has it (the full state follows the join). */
function ownAttendee(room: Room<AuditoriumState>): Promise<Attendee | undefined> {
  const now = room.state.attendees?.get(room.sessionId)
  if (now) return Promise.resolve(now)
  return new Promise((resolve) => {
    const done = (a: Attendee | undefined) => {
      clearTimeout(timer)
      room.onStateChange.remove(check)
      resolve(a)
    }
    const check = (s: AuditoriumState) => {
      const a = s.attendees?.get(room.sessionId)
      if (a) done(a)
    }
    const timer = setTimeout(() => done(undefined), SEAT_WAIT_MS)
    room.onStateChange(check)
  })
}

import { EV_C2S, type Attendee, type AuditoriumState } from '@atrium/common'
import type { Room } from 'colyseus.js'
import { beforeEach, describe, expect, it, vi } from 'vitest'

import { STAGE } from '../components/environment/layout.ts'
import type { BranchConnection } from '../net/BranchConnection.ts'
import { localPlayer } from '../player/localPlayer.ts'
import { auditoriumRoom, sendAuditorium } from './auditoriumConnection.ts'
import { STAGE_SEAT } from './seatedAttendees.ts'
import { seatPosition } from './stage/seatLayout.ts'
import { currentSeat, sitDown, standUpIfAway } from './takeSeat.ts'

vi.mock('./auditoriumConnection.ts', () => ({ auditoriumRoom: vi.fn(), sendAuditorium: vi.fn() }))

/** An auditorium room whose state names `me` now, or only at the first state change after joining. */
function fakeRoom(me: Partial<Attendee>, late = false) {
  const attendees = new Map<string, Attendee>()
  const own = { id: 'u_me000000', seat: 0, seated: true, host: false, speaker: false, ...me } as Attendee
  if (!late) attendees.set('s-me', own)
  const listeners: ((s: AuditoriumState) => void)[] = []
  const onStateChange = Object.assign((cb: (s: AuditoriumState) => void) => void listeners.push(cb), {
    remove: (cb: (s: AuditoriumState) => void) => listeners.splice(listeners.indexOf(cb), 1),
  })
  const room = { sessionId: 's-me', state: { attendees }, onStateChange } as unknown as Room<AuditoriumState>
  const arrive = () => {
    attendees.set('s-me', own)
    for (const cb of [...listeners]) cb(room.state)
  }
  return { room, own, arrive, listeners }
}

const connection = { travel: vi.fn() } as unknown as BranchConnection & { travel: ReturnType<typeof vi.fn> }

describe('taking a seat', () => {
  beforeEach(() => {
    vi.mocked(sendAuditorium).mockClear()
    connection.travel.mockClear()
    localPlayer.feet.set(0, 0, 7)
    localPlayer.yaw = 1
  })

  it('places the visitor at their seat facing the stage, and stands them up when they walk away', async () => {
    const { room, own } = fakeRoom({ seat: 25 })
    vi.mocked(auditoriumRoom).mockReturnValue(room)
    const jumps = localPlayer.jumps
    expect(await sitDown(connection)).toBe(true)
    const seat = seatPosition(25)
    expect(connection.travel).toHaveBeenCalledWith('auditorium')
    expect([localPlayer.feet.x, localPlayer.feet.z, localPlayer.yaw]).toEqual([seat.x, seat.z, 0])
    // announced as a teleport, from the auditorium's entrance the travel put them at
    expect(localPlayer.jumps).toBe(jumps + 1)
    // the room already has them seated (a seat holder joins seated): nothing to send
    expect(sendAuditorium).not.toHaveBeenCalled()

    standUpIfAway(seat.x + 0.3, seat.z)
    expect(currentSeat()).toEqual(expect.objectContaining({ x: seat.x, z: seat.z }))
    standUpIfAway(seat.x + 1, seat.z)
    expect(sendAuditorium).toHaveBeenCalledWith(EV_C2S.seat, { seated: false })
    expect(currentSeat()).toBeUndefined()

    // back to the seat (the room now says they stood)
    own.seated = false
    vi.mocked(sendAuditorium).mockClear()
    await sitDown(connection)
    expect(sendAuditorium).toHaveBeenCalledWith(EV_C2S.seat, { seated: true })
    expect(currentSeat()).toBeDefined()
    // leaving the auditorium forgets the seat
    vi.mocked(auditoriumRoom).mockReturnValue(undefined)
    expect(currentSeat()).toBeUndefined()
  })

  it('waits for the state to name the seat after joining', async () => {
    const { room, arrive, listeners } = fakeRoom({ seat: 1 }, true)
    vi.mocked(auditoriumRoom).mockReturnValue(room)
    const sat = sitDown(connection)
    await Promise.resolve()
    expect(connection.travel).not.toHaveBeenCalled()
    arrive()
    expect(await sat).toBe(true)
    expect(localPlayer.feet.x).toBeCloseTo(seatPosition(1).x)
    expect(listeners).toHaveLength(0)
  })

  it('puts the host in front of the stage facing the audience, holding no seat', async () => {
    const { room } = fakeRoom({ seat: STAGE_SEAT, seated: false, host: true })
    vi.mocked(auditoriumRoom).mockReturnValue(room)
    await sitDown(connection)
    expect(localPlayer.feet.z).toBeCloseTo(STAGE.maxZ + 0.6)
    expect(localPlayer.yaw).toBeCloseTo(Math.PI)
    expect(currentSeat()).toBeUndefined()
    expect(sendAuditorium).not.toHaveBeenCalled()
  })
})

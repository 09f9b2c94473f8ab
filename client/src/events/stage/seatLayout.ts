import { STAGE } from '../../components/environment/layout.ts'

/**
 * The auditorium's seat grid, as buildAuditorium.ts draws it (6 rows × 24 seats either side of the centre aisle;
 * keep the numbers in step). Seats past the drawn 144 continue as rows further back, so all 200 attendees of an
 * instance have a place.
 */
const ROWS = { first: -21, pitch: 1.05, perSide: 12, spacing: 0.65, aisle: 1.1 } as const

/** Seat index → floor position; seated avatars face the stage (yaw 0 looks towards −z). */
export function seatPosition(seat: number): { x: number; z: number } {
  const row = Math.floor(seat / (ROWS.perSide * 2))
  const inRow = seat % (ROWS.perSide * 2)
  const side = inRow % 2 === 0 ? 1 : -1
  const u = ROWS.aisle / 2 + 0.3 + Math.floor(inRow / 2) * ROWS.spacing
  return { x: side * u, z: ROWS.first + row * ROWS.pitch }
}

/** Stage microphone spots for promoted speakers, left to right along the front of the stage. */
export function micPosition(i: number): { x: number; y: number; z: number } {
  return { x: -5 + (i % 8) * 1.2, y: STAGE.height, z: STAGE.maxZ - 0.8 }
}

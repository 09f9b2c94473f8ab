/** Seat index of people on the stage (the host, oversight staff) rather than in the audience. */
export const STAGE_SEAT = 65535

/** Hands out the lowest free seat of one auditorium instance. */
export class SeatMap {
  private readonly taken: Uint8Array

  constructor(size: number) {
    this.taken = new Uint8Array(size)
  }

  /** The lowest free seat, or undefined when every seat is taken. */
  take(): number | undefined {
    const i = this.taken.indexOf(0)
    if (i < 0) return undefined
    this.taken[i] = 1
    return i
  }

  free(seat: number): void {
    if (seat < this.taken.length) this.taken[seat] = 0
  }
}

import { CLOSE_ABUSE, CLOSE_SESSION_ENDED } from '@atrium/common'

/**
 * Close codes after which a shared session is not joined again: the member left (1000, and Colyseus's 4000, which is
 * also what a room closed by its owner sends), their sign-in ended, or they were removed for abuse.
 */
const FINAL_CLOSES: ReadonlySet<number> = new Set([1000, 4000, CLOSE_SESSION_ENDED, CLOSE_ABUSE])

/** Waits (ms) before each attempt to join a dropped session again; after the last one it has failed. */
export const SHARE_REJOIN_DELAYS_MS = [500, 1000, 2000, 4000, 8000] as const

/** Whether a shared session whose connection closed with `code` is joined again (a dropped network, a server restart). */
export function rejoinsShareAfter(code: number): boolean {
  return !FINAL_CLOSES.has(code)
}

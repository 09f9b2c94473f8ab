import type { GuestResponse } from '@atrium/common'
import { createStore } from 'zustand/vanilla'

/** The guest token from POST /api/guest, kept for the host API; in memory only, never in web storage. */
export interface GuestSessionState {
  token: string | undefined
  /** Pseudonymous guest id (`g_…`). */
  id: string | undefined
  /** Token expiry, ms since epoch. */
  expiresAt: number
}

export const guestSession = createStore<GuestSessionState>()(() => ({ token: undefined, id: undefined, expiresAt: 0 }))

/** Keeps the token a guest joined with. */
export function setGuestSession(res: GuestResponse): void {
  guestSession.setState({ token: res.token, id: res.id, expiresAt: res.expiresAt })
}

/** Forgets the guest token (the visitor entered with an account instead). */
export function clearGuestSession(): void {
  guestSession.setState({ token: undefined, id: undefined, expiresAt: 0 })
}

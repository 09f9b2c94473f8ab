import type { AccountView, SessionResponse } from '@atrium/common'
import { createStore } from 'zustand/vanilla'

import { setSessionHint } from './sessionHint.ts'

/** Where the sign-in state stands: `restoring` until the refresh cookie has been tried on page load. */
export type SessionStatus = 'restoring' | 'anonymous' | 'signedIn'

export interface SessionState {
  status: SessionStatus
  /** Kept in memory only, never in web storage; the refresh token is an httpOnly cookie. */
  accessToken: string | undefined
  /** Access token expiry, ms since epoch. */
  expiresAt: number
  user: AccountView | undefined
}

const anonymous = { status: 'anonymous', accessToken: undefined, expiresAt: 0, user: undefined } as const

/** The signed-in account, readable outside React (apiFetch) and through `useSession` inside it. */
export const sessionStore = createStore<SessionState>()(() => ({ ...anonymous, status: 'restoring' }))

/** Stores a fresh session from login, register or refresh. */
export function setSession(res: SessionResponse): void {
  sessionStore.setState({ status: 'signedIn', accessToken: res.accessToken, expiresAt: res.expiresAt, user: res.user })
  setSessionHint(true)
}

/** Replaces the account view after the holder changed it (PATCH /api/me). */
export function setUser(user: AccountView): void {
  if (sessionStore.getState().status === 'signedIn') sessionStore.setState({ user })
}

/** Forgets the session (sign-out, deletion, or a refresh that failed). */
export function clearSession(): void {
  sessionStore.setState(anonymous)
  setSessionHint(false)
}

import type { LoginRequest, RegisterRequest, SessionResponse } from '@atrium/common'

import { setLang } from '../i18n/index.ts'
import { apiFetch } from './apiFetch.ts'
import { sendRequest } from './http.ts'
import { refreshSession } from './refreshSession.ts'
import { hasSessionHint } from './sessionHint.ts'
import { clearSession, sessionStore, setSession } from './sessionStore.ts'

/** Creates a customer account and signs in. */
export async function register(body: RegisterRequest): Promise<void> {
  setSession((await sendRequest('/api/auth/register', { method: 'POST', body })) as SessionResponse)
}

/** Signs in with a login id and password; the interface follows the account's language. */
export async function signIn(body: LoginRequest): Promise<void> {
  const res = (await sendRequest('/api/auth/login', { method: 'POST', body })) as SessionResponse
  setSession(res)
  setLang(res.user.lang)
}

/** Restores a session from the refresh cookie on page load; anonymous when there is none. */
export async function restoreSession(): Promise<void> {
  if (!hasSessionHint()) return clearSession()
  if (await refreshSession()) {
    const user = sessionStore.getState().user
    if (user) setLang(user.lang)
  } else if (sessionStore.getState().status === 'restoring') {
    // unreachable server: start signed out but keep the hint, so the next load tries again
    sessionStore.setState({ status: 'anonymous' })
  }
}

/** Ends this session on the server (best effort) and forgets it here. */
export async function signOut(): Promise<void> {
  try {
    await apiFetch('/api/auth/logout', { method: 'POST' })
  } catch {
    // the local session ends regardless; the server's expires on its own
  } finally {
    clearSession()
  }
}

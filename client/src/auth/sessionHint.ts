const KEY = 'atrium.hasSession'

/**
 * Whether this browser was signed in when last seen. Only a flag, never a token: it spares guests
 * a refresh request (and its 401) on every page load.
 */
export function hasSessionHint(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) === '1'
  } catch {
    return false
  }
}

export function setSessionHint(on: boolean): void {
  try {
    if (on) globalThis.localStorage?.setItem(KEY, '1')
    else globalThis.localStorage?.removeItem(KEY)
  } catch {
    // storage disabled: every load then simply starts signed out
  }
}

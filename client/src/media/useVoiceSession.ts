import { useEffect } from 'react'

import { freshAccessToken } from '../auth/apiFetch.ts'
import { guestSession } from '../hostChat/guestSession.ts'
import { useConnection } from '../net/useConnection.ts'
import { useAppStore } from '../state/useAppStore.ts'
import { MediaConnection } from './MediaConnection.ts'

/** The bearer for API calls: the guest token this visit joined with, else the account's access token. */
async function bearer(): Promise<string> {
  return guestSession.getState().token ?? (await freshAccessToken())
}

/**
 * Joins the instance's voice room while the visitor is in a branch instance, and leaves with it. It waits for the
 * scene's first frame: building the scene compiles its shaders, which on a slow GPU holds the page's main thread for
 * seconds, and a WebRTC negotiation started meanwhile took 13–22 s or timed out in the browser tests.
 */
export function useVoiceSession(): void {
  const connection = useConnection()
  const instance = useAppStore((s) => s.instance)
  const gone = useAppStore((s) => s.status === 'disconnected' || s.status === 'kicked' || s.status === 'ended')
  const sceneReady = useAppStore((s) => s.sceneReady)
  useEffect(() => {
    if (instance < 1 || gone || !sceneReady) return
    const media = new MediaConnection(connection, instance, bearer)
    void media.start()
    return () => media.stop()
  }, [connection, instance, gone, sceneReady])
}

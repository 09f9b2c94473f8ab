import { useEffect } from 'react'

import { localPlayer } from '../player/localPlayer.ts'
import { useHostChat } from './hostChatStore.ts'
import { isNearHost } from './nearHost.ts'

const CHECK_MS = 300

/** Keeps `nearHost` in the host chat store up to date while mounted (a few checks a second, not per frame). */
export function useNearHost(): void {
  useEffect(() => {
    const check = () => {
      const near = isNearHost(localPlayer.feet.x, localPlayer.feet.z)
      if (near !== useHostChat.getState().nearHost) useHostChat.getState().set({ nearHost: near })
    }
    check()
    const id = setInterval(check, CHECK_MS)
    return () => clearInterval(id)
  }, [])
}

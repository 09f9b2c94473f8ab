import { unpackLook } from '@atrium/common'
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react'

import { AccountPanel } from './account/AccountPanel.tsx'
import { freshAccessToken } from './auth/apiFetch.ts'
import { refreshSession } from './auth/refreshSession.ts'
import { sessionStore } from './auth/sessionStore.ts'
import { joinBranch, type JoinRequest } from './net/joinBranch.ts'
import type { BranchConnection } from './net/BranchConnection.ts'
import { ConnectionContext } from './net/useConnection.ts'
import { useAppStore, type Profile } from './state/useAppStore.ts'
import { Hud } from './ui/Hud.tsx'
import { JoinScreen } from './ui/JoinScreen.tsx'
import { LoadingScreen } from './ui/LoadingScreen.tsx'

// three.js, R3F and XR load only after the join screen, keeping the first download small
const loadScene = () => import('./scene/BranchScene.tsx')
const BranchScene = lazy(loadScene)

/** How this visit entered: as a guest, or with the signed-in account. */
type Entry = 'guest' | 'account'

/** Join screen, then the branch with its overlay; the account panel opens over either. */
export function App() {
  const [connection, setConnection] = useState<BranchConnection>()
  const [sceneLoaded, setSceneLoaded] = useState(false)
  const status = useAppStore((s) => s.status)
  const entry = useRef<Entry>('guest')

  const enter = useCallback(async (profile: Profile, kind: Entry, request: () => Promise<JoinRequest>) => {
    entry.current = kind
    useAppStore.getState().set({ profile, joinError: undefined })
    const chunk = loadScene().then(() => setSceneLoaded(true))
    const c = await joinBranch(await request())
    await chunk
    setConnection(c)
  }, [])

  const join = useCallback(
    (profile: Profile) =>
      enter(profile, 'guest', () =>
        Promise.resolve({
          name: profile.name,
          look: { color: profile.color, shape: profile.shape },
          lang: profile.lang,
        }),
      ),
    [enter],
  )

  // a signed-in visitor's room identity is the account (id, display name, look), carried by the access token
  const joinAccount = useCallback(async () => {
    const user = sessionStore.getState().user
    if (!user) throw new Error('not signed in')
    const profile: Profile = { name: user.displayName, ...unpackLook(user.look), lang: user.lang }
    await enter(profile, 'account', async () => ({ accessToken: await freshAccessToken() }))
  }, [enter])

  const leave = useCallback(() => {
    void connection?.leave().catch(() => undefined)
    setConnection(undefined)
    useAppStore.getState().set({ people: {}, chat: [], status: 'idle' })
  }, [connection])

  const retry = useCallback(() => {
    const profile = useAppStore.getState().profile
    leave()
    const again = entry.current === 'account' ? joinAccount() : profile ? join(profile) : undefined
    again?.catch((e: unknown) => useAppStore.getState().set({ joinError: String(e) }))
  }, [leave, join, joinAccount])

  // closing the tab is a deliberate leave: free the seat now instead of holding it for reconnection
  useEffect(() => {
    if (!connection) return
    const onHide = () => void connection.leave().catch(() => undefined)
    window.addEventListener('pagehide', onHide)
    return () => window.removeEventListener('pagehide', onHide)
  }, [connection])

  // signing out (or deleting the account) inside the branch leaves it and returns to the join screen
  useEffect(() => {
    if (!connection) return
    return sessionStore.subscribe((s) => {
      if (s.status === 'anonymous' && entry.current === 'account') leave()
    })
  }, [connection, leave])

  // the server ended this visit with the session (signed out elsewhere, or by an admin): a refused
  // refresh confirms it and signs out here too, which the effect above turns into leaving
  useEffect(() => {
    if (status === 'ended' && entry.current === 'account') void refreshSession()
  }, [status])

  if (!connection) {
    return (
      <>
        <JoinScreen onJoin={join} onJoinAccount={joinAccount} />
        {sceneLoaded === false && status === 'connecting' && <LoadingScreen progress={0.2} stage="assets" />}
        <AccountPanel />
      </>
    )
  }
  return (
    <ConnectionContext.Provider value={connection}>
      <div className="stage">
        <Suspense fallback={<LoadingScreen progress={0.3} stage="assets" />}>
          <BranchScene />
        </Suspense>
        <Hud onRetry={retry} />
        <AccountPanel />
      </div>
    </ConnectionContext.Provider>
  )
}

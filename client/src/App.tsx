import { lazy, Suspense, useCallback, useEffect, useState } from 'react'

import { joinBranch } from './net/joinBranch.ts'
import type { BranchConnection } from './net/BranchConnection.ts'
import { ConnectionContext } from './net/useConnection.ts'
import { useAppStore, type Profile } from './state/useAppStore.ts'
import { Hud } from './ui/Hud.tsx'
import { JoinScreen } from './ui/JoinScreen.tsx'
import { LoadingScreen } from './ui/LoadingScreen.tsx'

// three.js, R3F and XR load only after the join screen, keeping the first download small
const loadScene = () => import('./scene/BranchScene.tsx')
const BranchScene = lazy(loadScene)

/** Join screen, then the branch with its overlay. */
export function App() {
  const [connection, setConnection] = useState<BranchConnection>()
  const [sceneLoaded, setSceneLoaded] = useState(false)
  const status = useAppStore((s) => s.status)

  const join = useCallback(async (profile: Profile) => {
    useAppStore.getState().set({ profile, joinError: undefined })
    const chunk = loadScene().then(() => setSceneLoaded(true))
    const c = await joinBranch({
      name: profile.name,
      look: { color: profile.color, shape: profile.shape },
      lang: profile.lang,
    })
    await chunk
    setConnection(c)
  }, [])

  const retry = useCallback(() => {
    const profile = useAppStore.getState().profile
    void connection?.leave().catch(() => undefined)
    setConnection(undefined)
    useAppStore.getState().set({ people: {}, chat: [], status: 'idle' })
    if (profile) join(profile).catch((e: unknown) => useAppStore.getState().set({ joinError: String(e) }))
  }, [connection, join])

  // closing the tab is a deliberate leave: free the seat now instead of holding it for reconnection
  useEffect(() => {
    if (!connection) return
    const onHide = () => void connection.leave().catch(() => undefined)
    window.addEventListener('pagehide', onHide)
    return () => window.removeEventListener('pagehide', onHide)
  }, [connection])

  if (!connection) {
    return (
      <>
        <JoinScreen onJoin={join} />
        {sceneLoaded === false && status === 'connecting' && <LoadingScreen progress={0.2} stage="assets" />}
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
      </div>
    </ConnectionContext.Provider>
  )
}

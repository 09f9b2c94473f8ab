import { useProgress } from '@react-three/drei'
import { Canvas, useFrame, useThree } from '@react-three/fiber'
import { XR } from '@react-three/xr'
import { Suspense, useEffect, useRef, useState } from 'react'

import { AvatarCrowd } from '../components/avatar/AvatarCrowd.tsx'
import { BranchEnvironment } from '../components/environment/BranchEnvironment.tsx'
import { BranchLighting } from '../components/environment/BranchLighting.tsx'
import { DigitalHost } from '../components/host/DigitalHost.tsx'
import { DesktopControls } from '../components/player/DesktopControls.tsx'
import { InteractiveFloor } from '../components/player/InteractiveFloor.tsx'
import { PlayerRig } from '../components/player/PlayerRig.tsx'
import { AuditoriumStage } from '../events/stage/AuditoriumStage.tsx'
import { SpatialAudio } from '../media/SpatialAudio.tsx'
import { VideoPanels } from '../media/video/VideoPanels.tsx'
import { VideoShaderWarmup } from '../media/video/VideoShaderWarmup.tsx'
import { SandboxHall } from '../sandbox/hall/SandboxHall.tsx'
import { SuiteFurnishings } from '../advisor/suite/SuiteFurnishings.tsx'
import { useConnection } from '../net/useConnection.ts'
import { usePoseSender } from '../player/usePoseSender.ts'
import { useAppStore } from '../state/useAppStore.ts'
import { LoadingScreen } from '../ui/LoadingScreen.tsx'
import { xrStore } from '../xr/xrStore.ts'
import { clampFrameDelta } from './clampFrameDelta.ts'
import { installTestHook, testHookEnabled } from './testHook.ts'

/** Signals once the first frame with the (suspending) environment has been drawn. */
function ReadySignal({ onReady }: { onReady: () => void }) {
  const done = useRef(false)
  useFrame(() => {
    if (done.current) return
    done.current = true
    if (window.__atrium) window.__atrium.ready = true
    onReady()
  })
  return null
}

function Networking() {
  usePoseSender()
  const connection = useConnection()
  const state = useThree()
  useEffect(() => (testHookEnabled() ? installTestHook(state, connection.remotes) : undefined), [state, connection])
  return null
}

/** The 3D branch: environment, everyone's avatars and the visitor's own rig, on desktop, phone or in VR. */
export default function BranchScene() {
  const connection = useConnection()
  const capacity = useAppStore((s) => Math.max(s.maxClients * 2, 2))
  const [ready, setReady] = useState(false)
  const { progress } = useProgress()
  useEffect(() => {
    if (!ready) return
    useAppStore.getState().set({ sceneReady: true })
    return () => useAppStore.getState().set({ sceneReady: false })
  }, [ready])
  return (
    <>
      {!ready && <LoadingScreen progress={Math.min(0.99, 0.4 + (progress / 100) * 0.5)} stage="assets" />}
      <Canvas
        id="branch-canvas"
        dpr={[1, 2]}
        camera={{ position: [0, 1.6, 7], rotation: [0, 0, 0], fov: 70, near: 0.05, far: 120 }}
        gl={{ antialias: true, powerPreference: 'high-performance' }}
        onCreated={clampFrameDelta}
        aria-label="3D branch"
      >
        <XR store={xrStore}>
          <BranchLighting />
          <Suspense fallback={null}>
            <BranchEnvironment />
            <ReadySignal onReady={() => setReady(true)} />
            <VideoShaderWarmup />
          </Suspense>
          <InteractiveFloor />
          <AvatarCrowd remotes={connection.remotes} capacity={capacity} />
          <DigitalHost />
          <PlayerRig />
          <DesktopControls />
          <Networking />
          <SpatialAudio />
          <VideoPanels />
          <SandboxHall />
          <AuditoriumStage />
          <SuiteFurnishings />
        </XR>
      </Canvas>
    </>
  )
}

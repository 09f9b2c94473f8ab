import { addAfterEffect, addEffect, type RootState } from '@react-three/fiber'

import { hostVoice } from '../host/hostVoice.ts'
import { mediaStore } from '../media/mediaStore.ts'
import type { RemoteAvatars } from '../net/RemoteAvatars.ts'
import { localPlayer } from '../player/localPlayer.ts'
import { xrStore } from '../xr/xrStore.ts'
import type { AtriumTestHook } from './testHookTypes.ts'

/** Whether this page asked for the hook (`?testhook`) or runs in development. */
export function testHookEnabled(): boolean {
  return import.meta.env.DEV || new URLSearchParams(location.search).has('testhook')
}

/** Installs `window.__atrium`; returns a function that removes it. */
export function installTestHook(state: RootState, remotes: RemoteAvatars): () => void {
  const frameMs: number[] = []
  let start = 0
  let frames = 0
  const off1 = addEffect(() => {
    start = performance.now()
  })
  const off2 = addAfterEffect(() => {
    frames++
    frameMs.push(performance.now() - start)
    if (frameMs.length > 600) frameMs.shift()
  })
  window.__atrium = {
    ready: false,
    frames: () => frames,
    self: () => ({ x: localPlayer.feet.x, y: localPlayer.head.p.y, z: localPlayer.feet.z, yaw: localPlayer.yaw }),
    remotes: () =>
      [...remotes.bySession.values()].map((a) => {
        const p = a.buffer.latest()?.head.p ?? [NaN, NaN, NaN]
        return { id: a.id, name: a.name, x: p[0], y: p[1], z: p[2] }
      }),
    render: () => ({
      calls: state.gl.info.render.calls,
      triangles: state.gl.info.render.triangles,
      programs: state.gl.info.programs?.length ?? 0,
      frameMs: frameMs.slice(),
    }),
    xrStore,
    get media() {
      const s = mediaStore.getState()
      const remote: AtriumTestHook['media']['remote'] = {}
      for (const v of s.connection?.voices.values() ?? []) {
        remote[v.identity] = {
          subscribed: v.track !== undefined,
          level: v.level,
          pannerPosition: [v.position[0], v.position[1], v.position[2]],
        }
      }
      return { state: s.state, micEnabled: s.micEnabled, remote }
    },
    host: {
      state: () => hostVoice.state(),
      speak: (text, lang) => void hostVoice.speak(text, lang),
    },
  }
  return () => {
    off1()
    off2()
    delete window.__atrium
  }
}

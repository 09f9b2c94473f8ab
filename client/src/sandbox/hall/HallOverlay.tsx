import { useEffect } from 'react'
import { createRoot } from 'react-dom/client'

import { useAppStore } from '../../state/useAppStore.ts'
import { HallControls } from './HallControls.tsx'

/**
 * The table's 2D controls and readable figures, shown while the visitor is in the sandbox hall. The hall lives in
 * the 3D scene's React tree, which cannot hold DOM elements, so this mounts a separate DOM root beside the HUD;
 * both trees share the zustand stores and the i18next instance.
 */
export function HallOverlay() {
  const inHall = useAppStore((s) => s.myZone === 'sandbox')
  useEffect(() => {
    if (!inHall) return
    const host = document.createElement('div')
    host.className = 'sandbox-hall-host'
    document.body.appendChild(host)
    const root = createRoot(host)
    root.render(<HallControls />)
    return () => {
      // unmounting a root while the scene's renderer is committing makes React warn; a microtask later it is idle
      queueMicrotask(() => {
        root.unmount()
        host.remove()
      })
    }
  }, [inHall])
  return null
}

import { useThree } from '@react-three/fiber'
import { useEffect } from 'react'

import { localPlayer } from '../../player/localPlayer.ts'

const KEYS: Record<string, [number, number]> = {
  KeyW: [0, 1],
  ArrowUp: [0, 1],
  KeyS: [0, -1],
  ArrowDown: [0, -1],
  KeyA: [-1, 0],
  KeyD: [1, 0],
  // arrows left/right turn rather than strafe, as in most first-person viewers
  ArrowLeft: [0, 0],
  ArrowRight: [0, 0],
}
const TURN_KEYS: Record<string, number> = { ArrowLeft: 1, ArrowRight: -1, KeyQ: 1, KeyE: -1 }
const LOOK_SPEED = 0.004
const TURN_SPEED = 1.8

/** True when typing in a form field, where keys must not move the avatar. */
function typing(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null
  return !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)
}

/**
 * Keyboard walking (WASD/arrows, Q/E or arrows to turn) and drag-to-look with mouse or touch.
 * Writes input into `localPlayer`; PlayerRig applies it each frame.
 */
export function DesktopControls() {
  const canvas = useThree((s) => s.gl.domElement)

  useEffect(() => {
    const down = new Set<string>()
    let turning = 0
    let raf = 0
    let last = performance.now()
    const update = () => {
      let x = 0
      let y = 0
      let turn = 0
      for (const k of down) {
        const v = KEYS[k]
        if (v) {
          x += v[0]
          y += v[1]
        }
        turn += TURN_KEYS[k] ?? 0
      }
      localPlayer.keys.x = Math.max(-1, Math.min(1, x))
      localPlayer.keys.y = Math.max(-1, Math.min(1, y))
      turning = Math.sign(turn)
    }
    const spin = (now: number) => {
      localPlayer.yaw += turning * TURN_SPEED * Math.min((now - last) / 1000, 0.1)
      last = now
      raf = requestAnimationFrame(spin)
    }
    raf = requestAnimationFrame(spin)
    const onDown = (e: KeyboardEvent) => {
      if (typing(e) || !(e.code in KEYS || e.code in TURN_KEYS)) return
      e.preventDefault()
      down.add(e.code)
      update()
    }
    const onUp = (e: KeyboardEvent) => {
      down.delete(e.code)
      update()
    }
    const onBlur = () => {
      down.clear()
      update()
    }
    window.addEventListener('keydown', onDown)
    window.addEventListener('keyup', onUp)
    window.addEventListener('blur', onBlur)
    return () => {
      cancelAnimationFrame(raf)
      window.removeEventListener('keydown', onDown)
      window.removeEventListener('keyup', onUp)
      window.removeEventListener('blur', onBlur)
      onBlur()
    }
  }, [])

  useEffect(() => {
    let dragging: number | undefined
    let lx = 0
    let ly = 0
    const onDown = (e: PointerEvent) => {
      dragging = e.pointerId
      lx = e.clientX
      ly = e.clientY
    }
    const onMove = (e: PointerEvent) => {
      if (dragging !== e.pointerId) return
      const p = localPlayer
      p.yaw += (e.clientX - lx) * LOOK_SPEED
      p.pitch = Math.max(-1.3, Math.min(1.3, p.pitch + (e.clientY - ly) * LOOK_SPEED))
      lx = e.clientX
      ly = e.clientY
    }
    const onUp = (e: PointerEvent) => {
      if (dragging === e.pointerId) dragging = undefined
    }
    canvas.addEventListener('pointerdown', onDown)
    window.addEventListener('pointermove', onMove)
    window.addEventListener('pointerup', onUp)
    window.addEventListener('pointercancel', onUp)
    return () => {
      canvas.removeEventListener('pointerdown', onDown)
      window.removeEventListener('pointermove', onMove)
      window.removeEventListener('pointerup', onUp)
      window.removeEventListener('pointercancel', onUp)
    }
  }, [canvas])

  return null
}

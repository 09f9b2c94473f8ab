import { useRef, type PointerEvent } from 'react'

import { localPlayer } from '../player/localPlayer.ts'

const RADIUS = 48

/** On-screen joystick for phones and tablets: writes walking input into `localPlayer.touch`. */
export function TouchJoystick() {
  const knob = useRef<HTMLDivElement>(null)
  const origin = useRef<{ x: number; y: number; id: number } | undefined>(undefined)

  const set = (dx: number, dy: number) => {
    const len = Math.hypot(dx, dy)
    const k = len > RADIUS ? RADIUS / len : 1
    if (knob.current) knob.current.style.transform = `translate(${dx * k}px, ${dy * k}px)`
    localPlayer.touch.x = (dx * k) / RADIUS
    localPlayer.touch.y = (-dy * k) / RADIUS
  }
  const down = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId)
    const r = e.currentTarget.getBoundingClientRect()
    origin.current = { x: r.left + r.width / 2, y: r.top + r.height / 2, id: e.pointerId }
    set(e.clientX - origin.current.x, e.clientY - origin.current.y)
  }
  const move = (e: PointerEvent<HTMLDivElement>) => {
    const o = origin.current
    if (o && o.id === e.pointerId) set(e.clientX - o.x, e.clientY - o.y)
  }
  const up = () => {
    origin.current = undefined
    set(0, 0)
  }
  return (
    <div
      className="joystick"
      aria-hidden
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={up}
    >
      <div ref={knob} className="knob" />
    </div>
  )
}

import { useEffect, useRef } from 'react'

import { mediaStore } from './mediaStore.ts'

/** A bar showing the microphone level, updated by animation frame rather than React state. */
export function LevelMeter({ label }: { label: string }) {
  const bar = useRef<HTMLDivElement>(null)
  useEffect(() => {
    let raf = 0
    const loop = () => {
      const level = mediaStore.getState().connection?.voice?.mic.level ?? 0
      // RMS of speech sits around 0.01–0.3: a square root spreads it over the bar
      if (bar.current) bar.current.style.transform = `scaleX(${Math.min(1, Math.sqrt(level * 4))})`
      raf = requestAnimationFrame(loop)
    }
    raf = requestAnimationFrame(loop)
    return () => cancelAnimationFrame(raf)
  }, [])
  return (
    <div className="level-meter" role="img" aria-label={label}>
      <div ref={bar} className="level-bar" />
    </div>
  )
}

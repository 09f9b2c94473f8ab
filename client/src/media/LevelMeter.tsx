import { useEffect, useRef } from 'react'

import { mediaStore } from './mediaStore.ts'

const branchMicLevel = () => mediaStore.getState().connection?.voice?.mic.level ?? 0

/**
 * A bar showing a microphone level, updated by animation frame rather than React state. `read` gives the level (RMS);
 * by default, that of the microphone in the branch.
 */
export function LevelMeter({ label, read = branchMicLevel, id }: { label: string; read?: () => number; id?: string }) {
  const bar = useRef<HTMLDivElement>(null)
  useEffect(() => {
    let raf = 0
    const loop = () => {
      const level = read()
      // RMS of speech sits around 0.01–0.3: a square root spreads it over the bar
      if (bar.current) bar.current.style.transform = `scaleX(${Math.min(1, Math.sqrt(level * 4))})`
      raf = requestAnimationFrame(loop)
    }
    raf = requestAnimationFrame(loop)
    return () => cancelAnimationFrame(raf)
  }, [read])
  return (
    <div id={id} className="level-meter" role="img" aria-label={label}>
      <div ref={bar} className="level-bar" />
    </div>
  )
}

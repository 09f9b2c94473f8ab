import { useEffect } from 'react'

import { useAppStore } from '../../state/useAppStore.ts'
import { cycleColumn, nudgeSelected, replayNext, runProjection } from './hallActions.ts'

/** True when a key goes to a form field, where it is input, not a command. */
function typing(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null
  return (
    !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
  )
}

/** Key → action while the visitor is in the sandbox hall (documented in sandboxHall.help). */
const ACTIONS: Record<string, () => void> = {
  '[': () => cycleColumn(-1),
  ']': () => cycleColumn(1),
  '+': () => nudgeSelected(1),
  '=': () => nudgeSelected(1),
  '-': () => nudgeSelected(-1),
  _: () => nudgeSelected(-1),
  PageUp: () => nudgeSelected(5),
  PageDown: () => nudgeSelected(-5),
  r: runProjection,
  R: runProjection,
  x: replayNext,
  X: replayNext,
}

/**
 * The table's keyboard controls, active only while the visitor stands in the sandbox hall and keys are not
 * going to a field: [ and ] choose a column, + and − resize it by 1% (Page Up/Down by 5%), R runs the
 * projection, X replays the next stress scenario.
 */
export function useHallKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return
      // holding + or − keeps resizing; holding R or X must not restart the run or the replay every few ms
      if (e.repeat && /^[rRxX]$/.test(e.key)) return
      if (useAppStore.getState().myZone !== 'sandbox') return
      const action = ACTIONS[e.key]
      if (!action) return
      e.preventDefault()
      action()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}

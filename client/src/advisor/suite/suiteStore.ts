import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'

/** A plain snapshot of the suite room's state for React (names and pseudonymous ids only). */
export interface SuiteSnapshot {
  reference: string
  participants: { id: string; name: string; role: string; present: boolean }[]
  sandboxSessionId: string
  wall: { kind: string; title: string; page: number }
}

interface SuiteUi {
  /** The suite this visitor is in, or null. */
  suite: SuiteSnapshot | null
  /** Set when the session ended (summary sent) so the panel can point to the inbox. */
  ended: boolean
}

export const suiteStore = createStore<SuiteUi>()(() => ({ suite: null, ended: false }))

/** Selects from the suite state. */
export function useSuite<T>(selector: (s: SuiteUi) => T): T {
  return useStore(suiteStore, selector)
}

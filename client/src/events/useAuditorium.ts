import { useStore } from 'zustand'

import { auditoriumStore, type AuditoriumView } from './auditoriumStore.ts'

/**
 * Selects from the auditorium's slow state.
 * @example const page = useAuditorium((s) => s.page)
 */
export function useAuditorium<T>(selector: (s: AuditoriumView) => T): T {
  return useStore(auditoriumStore, selector)
}

import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'

/** The customer panel's tabs. */
export type CustomerTab = 'talk' | 'appointments' | 'inbox' | 'complaints'

interface AdvisorUi {
  open: boolean
  tab: CustomerTab
}

/** Whether the advisor panel (customer) or console (staff) is open, and on which tab. */
export const advisorUi = createStore<AdvisorUi>()(() => ({ open: false, tab: 'talk' }))

export const openAdvisor = (tab?: CustomerTab) => advisorUi.setState((s) => ({ open: true, tab: tab ?? s.tab }))
export const closeAdvisor = () => advisorUi.setState({ open: false })
export const setAdvisorTab = (tab: CustomerTab) => advisorUi.setState({ tab })

/** Selects from the advisor UI state. */
export function useAdvisorUi<T>(selector: (s: AdvisorUi) => T): T {
  return useStore(advisorUi, selector)
}

import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'

/** The customer panel's tabs. */
export type CustomerTab = 'talk' | 'appointments' | 'inbox' | 'complaints'

interface AdvisorUi {
  open: boolean
  tab: CustomerTab
  /** When the server last said this customer's suite is ready (0: never), so the talk tab refetches at once. */
  suiteReadyAt: number
}

/** Whether the advisor panel (customer) or console (staff) is open, and on which tab. */
export const advisorUi = createStore<AdvisorUi>()(() => ({ open: false, tab: 'talk', suiteReadyAt: 0 }))

export const openAdvisor = (tab?: CustomerTab) => advisorUi.setState((s) => ({ open: true, tab: tab ?? s.tab }))
export const closeAdvisor = () => advisorUi.setState({ open: false })
/** The suite is ready: the panel opens on the talk tab, which then shows the way in. */
export const suiteReady = () => advisorUi.setState({ open: true, tab: 'talk', suiteReadyAt: Date.now() })
export const setAdvisorTab = (tab: CustomerTab) => advisorUi.setState({ tab })

/** Selects from the advisor UI state. */
export function useAdvisorUi<T>(selector: (s: AdvisorUi) => T): T {
  return useStore(advisorUi, selector)
}

import { createContext, useContext } from 'react'

import type { BranchConnection } from './BranchConnection.ts'

export const ConnectionContext = createContext<BranchConnection | undefined>(undefined)

/** The current branch connection; throws outside `ConnectionContext`. */
export function useConnection(): BranchConnection {
  const c = useContext(ConnectionContext)
  if (!c) throw new Error('useConnection must be used inside <ConnectionContext.Provider>')
  return c
}

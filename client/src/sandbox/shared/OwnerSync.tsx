import { useOwnerSync } from './useOwnerSync.ts'

/** Sends the owner's planner edits to the shared session; render it only while joined as the owner. */
export function OwnerSync() {
  useOwnerSync()
  return null
}

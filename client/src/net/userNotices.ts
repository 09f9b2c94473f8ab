import { UserNotice } from '@atrium/common'

type Listener = (notice: UserNotice) => void

const listeners = new Set<Listener>()

/** Listens for notices the server pushes to this signed-in person; returns the unsubscribe. */
export function onUserNotice(fn: Listener): () => void {
  listeners.add(fn)
  return () => void listeners.delete(fn)
}

/** Passes a notice from the branch room on, after checking its shape (anything else is dropped). */
export function receiveUserNotice(raw: unknown): void {
  const parsed = UserNotice.safeParse(raw)
  if (!parsed.success) return
  for (const fn of listeners) fn(parsed.data)
}

import type { Presence } from '@colyseus/core'

const KEY = 'branch:instances'

/**
 * Claims the lowest free instance number ("Atrium 1", "Atrium 2", …) through presence, so
 * numbers stay unique across processes. `hincrby` is atomic in both local and Redis presence.
 */
export async function claimInstance(presence: Presence): Promise<number> {
  for (let n = 1; ; n++) {
    const holders = await presence.hincrby(KEY, String(n), 1)
    if (holders === 1) return n
    await presence.hincrby(KEY, String(n), -1)
  }
}

export async function releaseInstance(presence: Presence, n: number): Promise<void> {
  await presence.hdel(KEY, String(n))
}

import type { MediaRoomRef, MediaTokenResponse } from '@atrium/common'

/** Ask for a fresh token this long before the current one expires. */
const REFRESH_MARGIN_MS = 60_000
/** After a failed refresh, try again this much later. */
const RETRY_MS = 15_000

/**
 * The LiveKit token for the media room in use, kept fresh: a new one is fetched before the current one expires (tokens
 * live ten minutes), and `onRefreshed` runs after each, so a dropped room can connect again with it.
 */
export class MediaTokens {
  current: MediaTokenResponse | undefined
  private ref: MediaRoomRef | undefined
  private timer: ReturnType<typeof setTimeout> | undefined
  private stopped = false

  constructor(
    private readonly get: (ref: MediaRoomRef) => Promise<MediaTokenResponse>,
    private readonly onRefreshed: () => Promise<void>,
  ) {}

  /** Fetches a token for `ref`, which becomes the room to keep a token for. */
  async fetch(ref: MediaRoomRef): Promise<MediaTokenResponse> {
    this.ref = ref
    clearTimeout(this.timer)
    const res = await this.get(ref)
    // a newer room asked meanwhile: its own fetch keeps the token and the timer
    if (this.ref !== ref || this.stopped) return res
    this.current = res
    const wait = Math.max(10_000, res.expiresAt - Date.now() - REFRESH_MARGIN_MS)
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.refresh(), wait)
    return res
  }

  private async refresh(): Promise<void> {
    const ref = this.ref
    if (this.stopped || !ref) return
    try {
      await this.fetch(ref)
      await this.onRefreshed()
    } catch (e) {
      console.warn('media token refresh failed:', e)
      if (!this.stopped) this.timer = setTimeout(() => void this.refresh(), RETRY_MS)
    }
  }

  stop(): void {
    this.stopped = true
    clearTimeout(this.timer)
  }
}

import type { Lang } from '@atrium/common'

import { hostVoice } from '../host/hostVoice.ts'
import { useHostChat } from './hostChatStore.ts'
import { subtitleMs } from './hostReplies.ts'

/** A line is never shown as a subtitle for longer than this, whatever the voice does. */
const SUBTITLE_CAP_MS = 30_000
let lineId = 0

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Says a host line and shows it as the subtitle until the voice has finished it (or another line
 * replaces it). Muted, the host says it silently: the lips still move and the subtitle still shows.
 */
export function sayHostLine(text: string, lang: Lang): void {
  const id = ++lineId
  useHostChat.getState().set({ subtitle: { id, text } })
  let spoken: Promise<void>
  try {
    spoken = hostVoice.speak(text, lang)
  } catch {
    // no voice on this device: the subtitle stays for about the time the line takes to say
    spoken = delay(subtitleMs(text, lang))
  }
  void Promise.race([spoken, delay(SUBTITLE_CAP_MS)]).then(() => {
    if (useHostChat.getState().subtitle?.id === id) useHostChat.getState().set({ subtitle: undefined })
  })
}

/** Stops the host's voice (the visitor starts speaking). */
export function stopHostVoice(): void {
  hostVoice.stop()
}

/** Mutes or unmutes the host's voice; the mute lives in the voice, so the 3D host and the panel agree. */
export function setHostMuted(muted: boolean): void {
  hostVoice.muted = muted
}

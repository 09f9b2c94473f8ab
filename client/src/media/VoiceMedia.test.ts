import type { Room } from 'livekit-client'
import { beforeEach, describe, expect, it, vi } from 'vitest'

import { mediaStore } from './mediaStore.ts'
import { VoiceMedia } from './VoiceMedia.ts'

/** A stand-in for LiveKit's LocalAudioTrack: mute and unmute emit as the real track does. */
const { FakeMic } = vi.hoisted(() => {
  class FakeMic {
    isMuted = false
    mediaStreamTrack = undefined
    private readonly listeners = new Map<string, Set<() => void>>()
    on(event: string, fn: () => void) {
      this.listeners.set(event, (this.listeners.get(event) ?? new Set()).add(fn))
      return this
    }
    off(event: string, fn: () => void) {
      this.listeners.get(event)?.delete(fn)
      return this
    }
    async mute() {
      if (!this.isMuted) this.set(true)
      return this
    }
    async unmute() {
      if (this.isMuted) this.set(false)
      return this
    }
    stop() {}
    private set(muted: boolean) {
      this.isMuted = muted
      for (const fn of this.listeners.get(muted ? 'muted' : 'unmuted') ?? []) fn()
    }
  }
  return { FakeMic }
})

vi.mock('livekit-client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('livekit-client')>()),
  createLocalAudioTrack: vi.fn(async () => new FakeMic()),
}))

function fakeRoom(): Room {
  return {
    localParticipant: { publishTrack: vi.fn(async () => undefined), unpublishTrack: vi.fn(async () => undefined) },
    startAudio: async () => undefined,
    canPlaybackAudio: true,
  } as unknown as Room
}

describe('the microphone toggle follows a mute from the server', () => {
  beforeEach(() => {
    vi.stubGlobal(
      'AudioContext',
      class {
        state = 'running'
        listener = {}
        resume = async () => undefined
        close = async () => undefined
      },
    )
    mediaStore.setState({ micEnabled: false })
  })

  it('shows the microphone off after a moderator mutes it, forgets the choice, and lets the visitor unmute', async () => {
    let room = fakeRoom()
    const voice = new VoiceMedia(
      () => room,
      (p) => mediaStore.setState(p),
      () => {},
    )
    await voice.applyPermission(room, ['microphone'], () => true, true)
    // opened muted: that first mute is not the visitor's nor a moderator's
    expect(mediaStore.getState().micEnabled).toBe(false)
    await voice.setMicEnabled(true)
    expect(mediaStore.getState().micEnabled).toBe(true)

    // the choice carries into the next meeting room while nobody muted it
    voice.leave()
    room = fakeRoom()
    await voice.applyPermission(room, ['microphone'], () => true, true)
    expect(mediaStore.getState().micEnabled).toBe(true)

    // LiveKit applies a server-side mute (mute all, a staff mute) to the local track itself
    await voice.mic.track!.mute()
    expect(mediaStore.getState().micEnabled).toBe(false)

    // and the next meeting room does not reopen it
    voice.leave()
    room = fakeRoom()
    await voice.applyPermission(room, ['microphone'], () => true, true)
    expect(mediaStore.getState().micEnabled).toBe(false)

    // still allowed to publish: the visitor turns it on again
    await voice.setMicEnabled(true)
    expect(mediaStore.getState().micEnabled).toBe(true)
    expect(voice.mic.track!.isMuted).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'

import { SPEAK_HOLD_MS, SPEAK_OFF, SPEAK_ON, SpeakingGate } from './speakingGate.ts'

describe('SpeakingGate', () => {
  it('turns on at once above the threshold and reports only changes', () => {
    const g = new SpeakingGate()
    expect(g.update(SPEAK_OFF / 2, 0)).toBeUndefined()
    expect(g.update(SPEAK_ON * 2, 10)).toBe(true)
    expect(g.update(SPEAK_ON * 2, 20)).toBeUndefined()
    expect(g.speaking).toBe(true)
  })

  it('stays on between the thresholds and through short pauses', () => {
    const g = new SpeakingGate()
    g.update(SPEAK_ON, 0)
    expect(g.update((SPEAK_ON + SPEAK_OFF) / 2, 1000)).toBeUndefined()
    expect(g.update(0, 1100)).toBeUndefined()
    expect(g.update(0, 1100 + SPEAK_HOLD_MS - 1)).toBeUndefined()
    // speech resumes: the quiet timer starts over
    expect(g.update(SPEAK_ON, 1600)).toBeUndefined()
    expect(g.update(0, 1700)).toBeUndefined()
    expect(g.update(0, 1700 + SPEAK_HOLD_MS)).toBe(false)
    expect(g.speaking).toBe(false)
  })

  it('resets when the microphone is muted', () => {
    const g = new SpeakingGate()
    expect(g.reset()).toBe(false)
    g.update(1, 0)
    expect(g.reset()).toBe(true)
    expect(g.speaking).toBe(false)
  })
})

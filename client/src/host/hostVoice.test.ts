import { beforeEach, describe, expect, it } from 'vitest'

import * as visemes from '@atrium/common/visemes'
import { createHostVoice, pickVoice, type SynthLike, type UtteranceLike } from './hostVoice.ts'

class FakeSynth implements SynthLike {
  spoken: UtteranceLike[] = []
  cancels = 0
  constructor(public voices: { lang: string; name: string; default?: boolean }[]) {}
  speak(u: UtteranceLike) {
    this.spoken.push(u)
  }
  cancel() {
    this.cancels++
  }
  getVoices() {
    return this.voices
  }
  get last(): UtteranceLike {
    return this.spoken.at(-1)!
  }
}

const utterance = (text: string): UtteranceLike => ({
  text,
  lang: '',
  rate: 0,
  voice: null,
  onstart: null,
  onend: null,
  onerror: null,
  onboundary: null,
})

const VOICES = [
  { lang: 'en-GB', name: 'Daniel' },
  { lang: 'en-US', name: 'Samantha' },
  { lang: 'zh-TW', name: 'Meijia' },
  { lang: 'zh-CN', name: 'Tingting' },
]

let now = 100
let synth: FakeSynth | null
const clock = () => now

async function makeVoice() {
  const voice = createHostVoice({
    synth: () => synth,
    createUtterance: utterance,
    clock,
    loadVisemes: async () => visemes,
  })
  await voice.ready()
  return voice
}

beforeEach(() => {
  now = 100
  synth = new FakeSynth(VOICES)
})

describe('hostVoice with speechSynthesis', () => {
  it('waits for start, follows boundary events and ends on end', async () => {
    const voice = await makeVoice()
    const text = '你好，欢迎。'
    const tl = visemes.visemeTimeline(text, 'zh-CN')
    let ended = false
    void voice.speak(text, 'zh-CN').then(() => (ended = true))
    const u = synth!.last
    expect(u).toMatchObject({ text, lang: 'zh-CN', rate: 1, voice: VOICES[3] })
    expect(voice.state()).toMatchObject({ speaking: true, mode: 'pending', viseme: 'sil', utterances: 1 })

    now = 100.2
    u.onstart!({})
    now = 100.25
    expect(voice.frame()).toMatchObject({ viseme: 'nn', speaking: true })
    expect(voice.state().mode).toBe('speech')

    // the engine is slower than the estimate: it reaches 欢 (char 3) a full second in
    now = 101.2
    u.onboundary!({ charIndex: 3, name: 'word' })
    const t3 = visemes.timeAtChar(tl, 3)
    expect(voice.frame().viseme).toBe(visemes.visemeAt(tl, t3).viseme)
    expect(voice.frame().viseme).toBe('kk')
    // the clock now runs at the engine's pace (clamped to 0.6 of the estimate)
    now = 101.2 + 0.1
    expect(voice.frame().viseme).toBe(visemes.visemeAt(tl, t3 + 0.1 * Math.max(0.6, t3 / 1.0)).viseme)

    u.onend!({})
    expect(voice.state()).toMatchObject({ speaking: false, mode: 'idle', viseme: 'sil' })
    await Promise.resolve()
    expect(ended).toBe(true)
  })

  it('picks the closest voice for each language', () => {
    expect(pickVoice(VOICES, 'zh-CN')?.name).toBe('Tingting')
    expect(pickVoice(VOICES, 'en')?.name).toBe('Samantha')
    expect(pickVoice([{ lang: 'zh_HK' }, { lang: 'zh-TW' }], 'zh-CN')?.lang).toBe('zh_HK')
    expect(pickVoice([{ lang: 'yue-HK' }, { lang: 'zh-TW' }], 'zh-CN')?.lang).toBe('zh-TW')
    expect(pickVoice([{ lang: 'fr-FR' }], 'en')).toBeUndefined()
  })

  it('animates without audio when speech never starts, or fails before it starts', async () => {
    const voice = await makeVoice()
    void voice.speak('Hello there.', 'en')
    now = 100.5
    expect(voice.frame().viseme).toBe('sil')
    now = 101.05 // past the 1 s start time-out: the timeline runs from 101
    expect(voice.state()).toMatchObject({ mode: 'timeline', viseme: 'E', speaking: true })
    expect(synth!.cancels).toBe(1)

    void voice.speak('Hello there.', 'en')
    synth!.last.onerror!({ error: 'not-allowed' })
    now += 0.05
    expect(voice.state()).toMatchObject({ mode: 'timeline', viseme: 'E' })
  })

  it('ends on an error after speech started', async () => {
    const voice = await makeVoice()
    void voice.speak('Hello there.', 'en')
    synth!.last.onstart!({})
    synth!.last.onerror!({ error: 'interrupted' })
    expect(voice.state().speaking).toBe(false)
  })

  it('ignores events from a replaced utterance', async () => {
    const voice = await makeVoice()
    const first = voice.speak('Hello.', 'en')
    const a = synth!.last
    void voice.speak('你好', 'zh-CN')
    const b = synth!.last
    a.onend!({})
    a.onerror!({ error: 'canceled' })
    await first
    expect(voice.state()).toMatchObject({ speaking: true, lang: 'zh-CN', utterances: 2 })
    b.onstart!({})
    now += 0.01
    expect(voice.frame().viseme).toBe('nn')
    voice.stop()
    expect(voice.state()).toMatchObject({ speaking: false, mode: 'idle' })
  })
})

describe('hostVoice without audio', () => {
  it('plays the estimated timeline when there are no voices (headless Chromium)', async () => {
    synth = new FakeSynth([])
    const voice = await makeVoice()
    const tl = visemes.visemeTimeline('你好', 'zh-CN')
    const done = voice.speak('你好', 'zh-CN')
    expect(synth.spoken).toHaveLength(1)
    const seen: string[] = []
    for (let t = 0; t < tl.total; t += 0.01) {
      now = 100 + t
      const f = voice.frame()
      if (seen.at(-1) !== f.viseme) seen.push(f.viseme)
    }
    expect(seen).toEqual(['nn', 'I', 'kk', 'aa', 'O'])
    now = 100 + tl.total + 0.01
    expect(voice.frame()).toMatchObject({ viseme: 'sil', speaking: false, blend: 0 })
    await done
    // the utterance that never started is dropped so it cannot start late
    expect(synth.cancels).toBe(1)
  })

  it('keeps the lips going when a voiceless engine ends the utterance at once', async () => {
    synth = new FakeSynth([])
    const voice = await makeVoice()
    void voice.speak('你好', 'zh-CN')
    synth.last.onend!({})
    now += 0.1
    expect(voice.state()).toMatchObject({ speaking: true, mode: 'timeline', viseme: 'I' })
  })

  it('plays the timeline when speechSynthesis is missing', async () => {
    synth = null
    const voice = await makeVoice()
    void voice.speak('Hi', 'en')
    now += 0.02
    expect(voice.state()).toMatchObject({ speaking: true, mode: 'timeline', viseme: 'I' })
  })

  it('speaks nothing aloud while muted, and muting mid-line keeps the lips in step', async () => {
    const voice = await makeVoice()
    voice.muted = true
    void voice.speak('Hello', 'en')
    expect(synth!.spoken).toHaveLength(0)
    expect(voice.state()).toMatchObject({ mode: 'timeline', muted: true })

    expect(voice.toggleMute()).toBe(false)
    void voice.speak('Hello', 'en')
    synth!.last.onstart!({})
    now += 0.2
    const before = voice.frame().viseme
    voice.muted = true
    expect(synth!.cancels).toBeGreaterThan(0)
    expect(voice.state()).toMatchObject({ mode: 'timeline', viseme: before, speaking: true })
  })

  it('queues a line said before the viseme module has loaded', async () => {
    let release: (m: typeof visemes) => void = () => undefined
    const voice = createHostVoice({
      synth: () => null,
      clock,
      loadVisemes: () => new Promise((r) => (release = r)),
    })
    void voice.speak('Hi', 'en')
    expect(voice.state()).toMatchObject({ speaking: true, mode: 'pending', viseme: 'sil' })
    release(visemes)
    await voice.ready()
    now += 0.02
    expect(voice.state()).toMatchObject({ speaking: true, mode: 'timeline', viseme: 'I' })
  })

  it('returns the same frame object every time and notifies listeners', async () => {
    const voice = await makeVoice()
    let calls = 0
    const off = voice.subscribe(() => calls++)
    expect(voice.frame()).toBe(voice.frame())
    void voice.speak('Hi', 'en')
    voice.stop()
    off()
    void voice.speak('Hi', 'en')
    expect(calls).toBe(2)
  })
})

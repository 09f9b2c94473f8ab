import type { Lang } from '@atrium/common'

import type { Viseme, VisemeFrame, VisemeTimeline } from '@atrium/common/visemes'

type VisemesModule = typeof import('@atrium/common/visemes')

/** What the 3D host reads every frame (one object, updated in place). */
export interface HostVoiceFrame {
  viseme: Viseme
  next: Viseme
  /** 0–1: how far to blend from `viseme` into `next`. */
  blend: number
  speaking: boolean
}

/**
 * - idle: nothing to say
 * - pending: handed to speechSynthesis, waiting for its `start` (mouth closed)
 * - speech: speechSynthesis is speaking; the timeline follows its `boundary` events
 * - timeline: no audio (muted, no speechSynthesis or no voices, or it failed): the mouth plays the
 *   estimated timeline on its own clock, so lips and subtitles stay in step
 */
export type HostVoiceMode = 'idle' | 'pending' | 'speech' | 'timeline'

/** A snapshot for tests (`window.__atrium.host.state()`). */
export interface HostVoiceState {
  speaking: boolean
  viseme: Viseme
  mode: HostVoiceMode
  muted: boolean
  /** `speak` calls so far. */
  utterances: number
  lang: Lang | null
}

/** The parts of `speechSynthesis` and `SpeechSynthesisUtterance` used here (mockable in tests). */
export interface SynthLike {
  speak(u: UtteranceLike): void
  cancel(): void
  getVoices(): { lang: string; name: string; default?: boolean }[]
}
export interface UtteranceLike {
  text: string
  lang: string
  rate: number
  voice: unknown
  onstart: ((e: unknown) => void) | null
  onend: ((e: unknown) => void) | null
  onerror: ((e: unknown) => void) | null
  onboundary: ((e: { charIndex: number; name?: string }) => void) | null
}

export interface HostVoiceDeps {
  /** Defaults to `window.speechSynthesis` (read at each `speak`); null: never use speech. */
  synth?: () => SynthLike | null
  createUtterance?: (text: string) => UtteranceLike
  /** Seconds; defaults to `performance.now() / 1000`. `frame(now)` must use the same clock. */
  clock?: () => number
  loadVisemes?: () => Promise<VisemesModule>
  /** How long to wait for speechSynthesis to start before animating without it (s). */
  startTimeout?: number
}

interface Playing {
  text: string
  lang: Lang
  tl: VisemeTimeline
  mode: 'pending' | 'speech' | 'timeline'
  /** timeline time = anchorT + (clock - anchorClock) * drift */
  anchorClock: number
  anchorT: number
  drift: number
  /** Clock time speech started (for drift), and when to give up waiting for it. */
  startClock: number
  deadline: number
  utterance: UtteranceLike | null
  /** Resolves the promise `speak` returned. */
  done: () => void
}

/** Speech rate handed to speechSynthesis and used for the estimate. */
const RATE = 1
/** Give up on an utterance whose `end` never comes, this long after the estimate ran out (s). */
const END_GRACE = 8

const defaultSynth = () => (typeof speechSynthesis === 'undefined' ? null : (speechSynthesis as unknown as SynthLike))
const defaultUtterance = (text: string) => new SpeechSynthesisUtterance(text) as unknown as UtteranceLike
const defaultClock = () => performance.now() / 1000
const defaultLoad = () => import('@atrium/common/visemes')

/** Creates a host voice; the app uses the `hostVoice` singleton. */
export function createHostVoice(deps: HostVoiceDeps = {}) {
  const getSynth = deps.synth ?? defaultSynth
  const createUtterance = deps.createUtterance ?? defaultUtterance
  const clock = deps.clock ?? defaultClock
  const startTimeout = deps.startTimeout ?? 1
  const listeners = new Set<() => void>()
  const out: HostVoiceFrame = { viseme: 'sil', next: 'sil', blend: 0, speaking: false }
  const scratch: VisemeFrame = { viseme: 'sil', next: 'sil', blend: 0, index: -1 }
  let mod: VisemesModule | undefined
  let loading: Promise<void> | undefined
  let playing: Playing | null = null
  let queued: { text: string; lang: Lang; done: () => void } | null = null
  let muted = false
  let utterances = 0

  const notify = () => listeners.forEach((l) => l())

  function load(): Promise<void> {
    loading ??= (deps.loadVisemes ?? defaultLoad)().then((m) => {
      mod = m
      if (queued) begin(queued.text, queued.lang, queued.done)
    })
    return loading
  }

  function timelineTime(p: Playing, now: number): number {
    // before speech starts the mouth rests (visemeAt gives sil before 0)
    return p.mode === 'pending' ? -1 : p.anchorT + (now - p.anchorClock) * p.drift
  }

  function anchor(p: Playing, mode: Playing['mode'], now: number, t: number): void {
    p.mode = mode
    p.anchorClock = now
    p.anchorT = t
  }

  function detach(p: Playing): void {
    if (!p.utterance) return
    p.utterance = null
    getSynth()?.cancel()
  }

  function finish(): void {
    const p = playing
    if (!p) return
    detach(p)
    playing = null
    p.done()
    notify()
  }

  function begin(text: string, lang: Lang, done: () => void): void {
    queued = null
    const now = clock()
    const tl = mod!.visemeTimeline(text, lang, { rate: RATE })
    const p: Playing = {
      text,
      lang,
      tl,
      mode: 'timeline',
      anchorClock: now,
      anchorT: 0,
      drift: 1,
      startClock: now,
      deadline: now + startTimeout,
      utterance: null,
      done,
    }
    playing = p
    const synth = muted ? null : getSynth()
    if (synth) speakWith(synth, p)
    notify()
  }

  function speakWith(synth: SynthLike, p: Playing): void {
    const voices = synth.getVoices()
    const u = createUtterance(p.text)
    u.lang = p.lang === 'zh-CN' ? 'zh-CN' : 'en-US'
    u.rate = RATE
    const voice = pickVoice(voices, p.lang)
    if (voice) u.voice = voice
    const mine = () => playing === p && p.utterance === u
    u.onstart = () => {
      if (!mine()) return
      const now = clock()
      p.startClock = now
      anchor(p, 'speech', now, 0)
    }
    u.onboundary = (e) => {
      if (!mine() || p.mode !== 'speech' || e.name === 'sentence') return
      // jump to the word the engine is saying, and let the clock run at the engine's pace
      const now = clock()
      const t = mod!.timeAtChar(p.tl, e.charIndex)
      const elapsed = now - p.startClock
      if (t > 0.5 && elapsed > 0.5) p.drift = Math.min(1.6, Math.max(0.6, t / elapsed))
      anchor(p, 'speech', now, t)
    }
    // an end or error before any start means nothing was heard (blocked, or no voice at all, as in
    // headless Chromium, which ends at once): keep the lips going without audio
    const failed = () => {
      p.utterance = null
      if (p.mode === 'pending') anchor(p, 'timeline', clock(), 0)
    }
    u.onend = () => {
      if (!mine()) return
      if (p.mode === 'speech') finish()
      else failed()
    }
    u.onerror = () => {
      if (!mine()) return
      if (p.mode === 'speech') finish()
      else failed()
    }
    p.utterance = u
    // without voices (headless browsers) nothing may ever start: animate now, re-anchor on start
    p.mode = voices.length > 0 ? 'pending' : 'timeline'
    try {
      synth.speak(u)
    } catch {
      p.utterance = null
      p.mode = 'timeline'
    }
  }

  /** Moves the state machine on to `now` (start time-outs, the end of the estimate). */
  function advance(now: number): void {
    const p = playing
    if (!p) return
    if (p.mode === 'pending' && now >= p.deadline) {
      detach(p)
      anchor(p, 'timeline', now, 0)
    }
    const t = timelineTime(p, now)
    if (p.mode === 'timeline' && t >= p.tl.total) finish()
    else if (p.mode === 'speech' && t >= p.tl.total + END_GRACE) finish()
  }

  return {
    /**
     * Says `text` in `lang` (replacing anything being said), through speechSynthesis unless
     * muted or unavailable; the mouth follows the estimated viseme timeline either way. The
     * promise resolves when the line ends, is replaced or is stopped (it never rejects).
     */
    speak(text: string, lang: Lang): Promise<void> {
      const previous = playing
      if (previous) {
        detach(previous)
        playing = null
        previous.done()
      }
      queued?.done()
      queued = null
      utterances++
      return new Promise<void>((done) => {
        if (mod) begin(text, lang, done)
        else {
          queued = { text, lang, done }
          void load()
          notify()
        }
      })
    },

    /** Stops speaking at once. */
    stop(): void {
      const q = queued
      queued = null
      q?.done()
      finish()
      if (q) notify()
    },

    /** While muted nothing is spoken aloud; the lips still move. Muting mid-sentence keeps the lips going. */
    get muted(): boolean {
      return muted
    },
    set muted(value: boolean) {
      if (value === muted) return
      muted = value
      const p = playing
      if (muted && p && p.utterance) {
        const now = clock()
        const t = Math.max(0, timelineTime(p, now))
        detach(p)
        anchor(p, 'timeline', now, t)
      }
      notify()
    },

    toggleMute(): boolean {
      this.muted = !muted
      return muted
    },

    /** Whether the host is speaking (or about to). */
    get speaking(): boolean {
      return playing !== null || queued !== null
    },

    /**
     * The mouth at `now` (seconds, same clock as `deps.clock`: by default `performance.now() / 1000`).
     * Returns the same object every call; allocation-free, for `useFrame`.
     */
    frame(now: number = clock()): HostVoiceFrame {
      if (!mod) void load()
      advance(now)
      const p = playing
      if (p) mod!.visemeAt(p.tl, timelineTime(p, now), scratch)
      out.viseme = p ? scratch.viseme : 'sil'
      out.next = p ? scratch.next : 'sil'
      out.blend = p ? scratch.blend : 0
      out.speaking = p !== null || queued !== null
      return out
    },

    /** A fresh snapshot, for tests and debugging. */
    state(now: number = clock()): HostVoiceState {
      const f = this.frame(now)
      return {
        speaking: f.speaking,
        viseme: f.viseme,
        mode: playing ? playing.mode : queued ? 'pending' : 'idle',
        muted,
        utterances,
        lang: playing?.lang ?? queued?.lang ?? null,
      }
    },

    /** Calls `listener` when speaking starts or stops, or `muted` changes. Returns an unsubscribe. */
    subscribe(listener: () => void): () => void {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },

    /** Resolves once the viseme module (and its pinyin dictionary, a separate chunk) is loaded. */
    ready(): Promise<void> {
      return load()
    },
  }
}

export type HostVoice = ReturnType<typeof createHostVoice>

/** Best voice for `lang`: exact locale (zh-CN, en-US), then the same language, default voices first. */
export function pickVoice<V extends { lang: string; default?: boolean }>(voices: V[], lang: Lang): V | undefined {
  const want = lang === 'zh-CN' ? 'zh-cn' : 'en-us'
  const base = want.slice(0, 2)
  let best: V | undefined
  let bestScore = 0
  for (const v of voices) {
    const l = v.lang.toLowerCase().replace('_', '-')
    const score = (l === want ? 4 : l.startsWith(base) ? 2 : 0) + (score0(l, base) ? 0.5 : 0) + (v.default ? 0.25 : 0)
    if (score >= 2 && score > bestScore) {
      best = v
      bestScore = score
    }
  }
  return best
}

/** Mainland Mandarin variants rank above Cantonese and Taiwanese voices when no zh-CN exists. */
function score0(l: string, base: string): boolean {
  return base === 'zh' ? !/hk|tw|yue/.test(l) : true
}

/**
 * The host's voice, shared by the chat panel (`speak`, `stop`, `muted`) and the 3D host (`frame`).
 *
 * @example
 * hostVoice.speak('您好，欢迎来到云上网点。', 'zh-CN')
 * useSyncExternalStore(hostVoice.subscribe, () => hostVoice.speaking)
 */
export const hostVoice = createHostVoice()

/** Microphone level (RMS, 0..1) above which the visitor starts speaking… */
export const SPEAK_ON = 0.02
/** …and below which they stop, once `SPEAK_HOLD_MS` has passed (hysteresis). */
export const SPEAK_OFF = 0.01
/** Quiet this long before the ring goes out, so pauses between words keep it lit. */
export const SPEAK_HOLD_MS = 400

/**
 * Turns a stream of microphone levels into a speaking flag with hysteresis: on at once above
 * `SPEAK_ON`, off only after `SPEAK_HOLD_MS` below `SPEAK_OFF`. `update` reports changes only.
 */
export class SpeakingGate {
  speaking = false
  private quietSince: number | undefined

  /** Feeds one level at time `now` (ms); returns the new flag when it changes, else undefined. */
  update(level: number, now: number): boolean | undefined {
    if (level >= SPEAK_ON) {
      this.quietSince = undefined
      if (!this.speaking) return (this.speaking = true)
      return undefined
    }
    if (!this.speaking) return undefined
    if (level >= SPEAK_OFF) {
      this.quietSince = undefined
      return undefined
    }
    this.quietSince ??= now
    if (now - this.quietSince >= SPEAK_HOLD_MS) {
      this.quietSince = undefined
      return (this.speaking = false)
    }
    return undefined
  }

  /** Forces the flag off (microphone muted); returns true when it was on. */
  reset(): boolean {
    this.quietSince = undefined
    const was = this.speaking
    this.speaking = false
    return was
  }
}

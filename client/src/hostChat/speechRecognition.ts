/**
 * The Web Speech API's recognizer, typed here because TypeScript's DOM library does not declare it.
 * Chromium ships it as `webkitSpeechRecognition`; browsers without it hide the voice button.
 * @see https://developer.mozilla.org/docs/Web/API/SpeechRecognition
 */
export interface RecognitionAlternative {
  transcript: string
}
export interface RecognitionResult {
  readonly isFinal: boolean
  readonly length: number
  [index: number]: RecognitionAlternative | undefined
}
export interface RecognitionResultList {
  readonly length: number
  [index: number]: RecognitionResult | undefined
}
export interface Recognition {
  lang: string
  interimResults: boolean
  continuous: boolean
  maxAlternatives: number
  start(): void
  stop(): void
  abort(): void
  onresult: ((e: { results: RecognitionResultList }) => void) | null
  onerror: ((e: { error: string }) => void) | null
  onend: (() => void) | null
}
export type RecognitionConstructor = new () => Recognition

/** The recognizer constructor where the browser has one. */
export function recognitionConstructor(scope: object = globalThis): RecognitionConstructor | undefined {
  const w = scope as { SpeechRecognition?: RecognitionConstructor; webkitSpeechRecognition?: RecognitionConstructor }
  return w.SpeechRecognition ?? w.webkitSpeechRecognition
}

/** What was heard so far (best alternative of every result), and whether all of it is final. */
export function transcriptOf(results: RecognitionResultList): { text: string; final: boolean } {
  let text = ''
  let final = results.length > 0
  for (let i = 0; i < results.length; i++) {
    const r = results[i]
    if (!r) continue
    text += r[0]?.transcript ?? ''
    if (!r.isFinal) final = false
  }
  return { text: text.trim(), final }
}

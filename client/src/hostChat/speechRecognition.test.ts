import { describe, expect, it } from 'vitest'

import { recognitionConstructor, transcriptOf, type RecognitionResult } from './speechRecognition.ts'

const result = (transcript: string, isFinal: boolean): RecognitionResult =>
  Object.assign([{ transcript }], { isFinal }) as unknown as RecognitionResult

describe('recognitionConstructor', () => {
  it('prefers the standard name, falls back to the webkit one, else none', () => {
    class A {}
    class B {}
    expect(recognitionConstructor({ SpeechRecognition: A, webkitSpeechRecognition: B })).toBe(A)
    expect(recognitionConstructor({ webkitSpeechRecognition: B })).toBe(B)
    expect(recognitionConstructor({})).toBeUndefined()
  })
})

describe('transcriptOf', () => {
  it('joins the results and is final only when all are', () => {
    expect(transcriptOf([result('how do I ', true), result('get there', false)])).toEqual({
      text: 'how do I get there',
      final: false,
    })
    expect(transcriptOf([result('我想预约', true), result('理财顾问', true)])).toEqual({
      text: '我想预约理财顾问',
      final: true,
    })
    expect(transcriptOf([])).toEqual({ text: '', final: false })
  })
})

import { describe, expect, it } from 'vitest'

import {
  englishWordVisemes,
  syllableVisemes,
  TIMING,
  timeAtChar,
  visemeAt,
  visemeTimeline,
  VISEMES,
  type VisemeTimeline,
} from '../../src/host/visemes/index.ts'

const seq = (text: string, lang: 'zh-CN' | 'en' = 'zh-CN') => visemeTimeline(text, lang).visemes.join(' ')

function expectWellFormed(tl: VisemeTimeline): void {
  expect(tl.total).toBeGreaterThan(0)
  expect(tl.times.length).toBe(tl.visemes.length)
  expect(tl.durations.length).toBe(tl.visemes.length)
  for (let i = 1; i < tl.times.length; i++) {
    expect(tl.times[i]).toBeGreaterThan(tl.times[i - 1]!)
    expect(tl.times[i]).toBeCloseTo(tl.times[i - 1]! + tl.durations[i - 1]!, 9)
  }
  for (const v of tl.visemes) expect(VISEMES).toContain(v)
  expect(tl.visemes.at(-1)).toBe('sil')
  for (let i = 1; i < tl.words.length; i++) expect(tl.words[i]!.charIndex).toBeGreaterThan(tl.words[i - 1]!.charIndex)
}

describe('Chinese visemes', () => {
  it.each([
    ['你好', 'nn I kk aa O sil'],
    ['谢谢', 'CH I E CH I E sil'],
    ['爸妈', 'PP aa PP aa sil'],
    ['风险', 'FF E CH I E sil'],
    ['我是', 'O CH I sil'],
    ['一二', 'I E sil'],
    ['鱼', 'U sil'],
    ['王', 'U aa sil'],
    ['日子', 'RR I SS I sil'],
    ['快', 'kk U aa I sil'],
    ['对', 'DD U I sil'],
  ])('%s → %s', (text, expected) => {
    expect(seq(text)).toBe(expected)
  })

  it('gives each syllable an initial slice and the rest to its final', () => {
    const tl = visemeTimeline('好', 'zh-CN')
    expect(tl.visemes).toEqual(['kk', 'aa', 'O', 'sil'])
    expect(tl.durations[0]).toBeCloseTo(0.3 * TIMING.zhSyllable, 9)
    expect(tl.total).toBeCloseTo(TIMING.zhSyllable, 9)
    expect(syllableVisemes('y', 'a')).toEqual({
      final: [expect.arrayContaining(['I']), expect.arrayContaining(['aa'])],
    })
  })

  it('runs at about 4.5 syllables a second', () => {
    const tl = visemeTimeline('欢迎来到云上网点我是数字员工', 'zh-CN')
    expect(tl.words).toHaveLength(14)
    expect(tl.words.length / tl.total).toBeCloseTo(4.5, 5)
  })

  it('pauses at punctuation: 0.15 s at a comma, 0.3 s at a full stop', () => {
    const tl = visemeTimeline('你好，欢迎。', 'zh-CN')
    expectWellFormed(tl)
    expect(tl.visemes.join(' ')).toBe('nn I kk aa O sil kk U aa I sil')
    expect(tl.durations[5]).toBeCloseTo(TIMING.shortPause, 9)
    expect(tl.durations[10]).toBeCloseTo(TIMING.longPause, 9)
    expect(tl.total).toBeCloseTo(4 * TIMING.zhSyllable + TIMING.shortPause + TIMING.longPause, 9)
  })

  it('reads digits as Chinese numerals and Latin words by English rules', () => {
    expect(seq('R3级')).toBe('aa RR SS aa CH I sil')
    expect(seq('8%')).toBe('PP aa PP aa I FF E CH I sil')
    const tl = visemeTimeline('存100元', 'zh-CN')
    expectWellFormed(tl)
    expect(tl.words.map((w) => [w.charIndex, w.charLength])).toEqual([
      [0, 1],
      [1, 3],
      [4, 1],
    ])
  })

  it('merges runs of punctuation into one pause', () => {
    const tl = visemeTimeline('好！！……', 'zh-CN')
    expect(tl.visemes).toEqual(['kk', 'aa', 'O', 'sil'])
    expect(tl.durations[3]).toBeCloseTo(TIMING.longPause, 9)
  })
})

describe('English visemes', () => {
  it.each([
    ['hello', 'E nn O'],
    ['think', 'TH I nn kk'],
    ['make', 'PP aa kk'],
    ['phone', 'FF O nn'],
    ['quick', 'kk U I kk'],
    ['knight', 'nn I DD'],
    ['bank', 'PP aa nn kk'],
    ['you', 'I U'],
    ['ATM', 'E I DD I E PP'],
  ])('%s → %s', (word, expected) => {
    expect(englishWordVisemes(word).join(' ')).toBe(expected)
  })

  it('builds a sentence timeline at about 2.6 words a second', () => {
    const text =
      'Our branch is open from nine to five on weekdays. You can open an account, ask about loans, or book a meeting with an advisor in one of the private suites.'
    const tl = visemeTimeline(text, 'en')
    expectWellFormed(tl)
    expect(tl.words).toHaveLength(31)
    expect(tl.words.length / tl.total).toBeGreaterThan(2.3)
    expect(tl.words.length / tl.total).toBeLessThan(2.9)
    expect(tl.visemes.filter((v) => v === 'sil')).toHaveLength(4)
  })

  it('starts with the right shapes and marks where each word starts', () => {
    const tl = visemeTimeline('Hello, world!', 'en')
    expect(tl.visemes.join(' ')).toBe('E nn O sil U O RR nn DD sil')
    expect(tl.words.map((w) => w.charIndex)).toEqual([0, 7])
    expect(tl.words[1]!.time).toBeCloseTo(tl.times[4]!, 9)
  })

  it('reads numbers digit by digit in English', () => {
    expect(seq('2', 'en')).toBe('DD U sil')
  })

  it('scales with the speaking rate', () => {
    const slow = visemeTimeline('Welcome to the branch.', 'en')
    const fast = visemeTimeline('Welcome to the branch.', 'en', { rate: 2 })
    expect(fast.total).toBeCloseTo(slow.total / 2, 9)
    expect(fast.visemes).toEqual(slow.visemes)
  })
})

describe('empty and odd input', () => {
  it.each(['', '   ', '🙂', '“”'])('%j gives silence only', (text) => {
    const tl = visemeTimeline(text, 'en')
    expect(tl.visemes).toEqual(['sil'])
    expect(tl.total).toBe(0)
    expect(visemeAt(tl, 0).viseme).toBe('sil')
  })
})

describe('visemeAt', () => {
  const tl = visemeTimeline('你好', 'zh-CN')

  it('returns the current viseme, the next one and a blend that rises near the end', () => {
    const mid = tl.times[1]! + 0.2 * tl.durations[1]!
    expect(visemeAt(tl, mid)).toMatchObject({ viseme: 'I', next: 'kk', blend: 0, index: 1 })
    const late = visemeAt(tl, tl.times[2]! - 0.01)
    expect(late.viseme).toBe('I')
    expect(late.blend).toBeGreaterThan(0.5)
    expect(late.blend).toBeLessThan(1)
  })

  it('rests before the start and after the end, and reuses the out object', () => {
    const out = visemeAt(tl, -1)
    expect(out).toMatchObject({ viseme: 'sil', next: 'nn', index: -1 })
    expect(visemeAt(tl, tl.total + 1, out)).toBe(out)
    expect(out).toMatchObject({ viseme: 'sil', next: 'sil', blend: 0 })
  })
})

describe('timeAtChar', () => {
  it('maps a boundary charIndex to the start of its word', () => {
    const tl = visemeTimeline('Hello, world!', 'en')
    expect(timeAtChar(tl, 0)).toBe(0)
    expect(timeAtChar(tl, 7)).toBeCloseTo(tl.words[1]!.time, 9)
    expect(timeAtChar(tl, 9)).toBeCloseTo(tl.words[1]!.time, 9)
    const zh = visemeTimeline('你好，欢迎', 'zh-CN')
    expect(timeAtChar(zh, 3)).toBeCloseTo(2 * TIMING.zhSyllable + TIMING.shortPause, 9)
  })
})

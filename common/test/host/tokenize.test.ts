import { describe, expect, it } from 'vitest'

import { bm25Idf, Bm25Index } from '../../src/host/bm25.ts'
import { detectLang } from '../../src/host/lang.ts'
import { americanize, stem } from '../../src/host/stem.ts'
import { expandContraction, Tokenizer } from '../../src/host/tokenize.ts'

const terms = (t: Tokenizer, text: string): string[] => t.tokenize(text).map((x) => x.term)
const words = (t: Tokenizer, text: string): string[] =>
  t
    .tokenize(text)
    .filter((x) => x.kind === 'word')
    .map((x) => x.term)

describe('tokeniser', () => {
  it('keeps dictionary terms whole that ICU splits (问卷 → 问 | 卷 without it)', () => {
    expect(words(new Tokenizer(), '风险评估问卷')).toEqual(expect.arrayContaining(['问', '卷']))
    const t = new Tokenizer(['问卷'])
    expect(words(t, '风险评估问卷')).toContain('问卷')
    expect(words(t, '风险评估问卷')).not.toContain('卷')
  })

  it('prefers the longest dictionary term', () => {
    expect(words(new Tokenizer(['验证', '验证码']), '收不到验证码')).toContain('验证码')
  })

  it('adds bigrams between one-character segments and inside long words, not across long words', () => {
    const t = new Tokenizer()
    const all = t.tokenize('手机银行转账限额')
    expect(all).toContainEqual({ term: '限额', kind: 'bigram' })
    expect(all.map((x) => x.term)).not.toContain('行转')
    expect(t.tokenize('信用卡')).toContainEqual({ term: '信用', kind: 'bigram' })
  })

  it('drops stop words in both languages and particles inside bigrams', () => {
    const t = new Tokenizer()
    expect(terms(t, 'What is the fee for a transfer?')).toEqual(['fee', 'transfer'])
    expect(terms(t, '基金的风险')).not.toContain('的')
    expect(terms(t, '基金的风险').some((x) => x.includes('的'))).toBe(false)
  })

  it('tokenises mixed Chinese and English', () => {
    const t = new Tokenizer()
    expect(words(t, 'ETF和REITs有什么区别')).toEqual(expect.arrayContaining(['etf', 'reit', '区别']))
    expect(words(t, 'How do I open an account? 我想开户')).toEqual(expect.arrayContaining(['open', 'account', '开']))
  })

  it('normalises full-width characters (NFKC) and case', () => {
    expect(terms(new Tokenizer(), 'ＥＴＦ Fund')).toEqual(['etf', 'fund'])
  })

  it('stems plurals, -ing, -ed and the silent e alike in documents and queries', () => {
    expect(stem('accounts')).toBe('account')
    expect(stem('opening')).toBe(stem('opened'))
    expect(stem('opening')).toBe('open')
    expect(stem('transferring')).toBe('transfer')
    expect(stem('charges')).toBe(stem('charge'))
    expect(stem('policies')).toBe(stem('policy'))
    expect(stem('fees')).toBe('fee')
    expect(stem('making')).toBe(stem('make'))
    expect(stem('access')).toBe('access')
    expect(stem('bonus')).toBe('bonus')
    expect(stem('need')).toBe('need')
    expect(stem('r3')).toBe('r3')
  })

  it('stems derived forms alike (Porter)', () => {
    expect(stem('cancellation')).toBe(stem('cancelled'))
    expect(stem('canceled')).toBe(stem('cancelled'))
    expect(stem('withdrawal')).toBe(stem('withdraw'))
    expect(stem('recording')).toBe(stem('recorded'))
    expect(stem('insured')).toBe(stem('insure'))
    expect(stem('limits')).toBe('limit')
    expect(stem('lost')).toBe('lost')
    expect(stem('new')).toBe('new')
  })

  it('folds British spellings into American ones', () => {
    expect(americanize('cheque')).toBe('check')
    expect(americanize('adviser')).toBe('advisor')
    expect(stem('advisers')).toBe(stem('advisor'))
    expect(stem('organise')).toBe(stem('organize'))
    expect(stem('authorisation')).toBe(stem('authorization'))
    expect(stem('recognised')).toBe(stem('recognized'))
    expect(stem('colour')).toBe(stem('color'))
    expect(stem('centre')).toBe(stem('center'))
    expect(stem('travelling')).toBe(stem('traveling'))
    expect(stem('instalments')).toBe(stem('installment'))
    // short -ise words are left alone
    expect(americanize('rise')).toBe('rise')
    expect(americanize('advise')).toBe('advise')
  })

  it('expands contractions and keeps the negation', () => {
    expect(expandContraction("can't")).toEqual(['can', 'not'])
    expect(expandContraction("won't")).toEqual(['will', 'not'])
    expect(expandContraction("doesn't")).toEqual(['does', 'not'])
    expect(expandContraction("what's")).toEqual(['what'])
    expect(expandContraction("i'd")).toEqual(['i'])
    expect(expandContraction("bank's")).toEqual(['bank'])
    const t = new Tokenizer()
    const en = (s: string): string[] => t.tokenize(s, 'en').map((x) => x.term)
    expect(en("I can't log in")).toEqual(en('I can not log in'))
    expect(en('I can’t log in')).toContain('not')
    expect(en("What's the bank's fee?")).toEqual(en('What is the bank fee?'))
  })

  it('keeps words that carry a topic', () => {
    const t = new Tokenizer()
    const got = t.tokenize('I lost my new card, what is the limit and where is the other bank', 'en').map((x) => x.term)
    for (const w of ['lost', 'new', 'card', 'limit', 'where', 'other', 'bank']) expect(got).toContain(stem(w))
  })
})

describe('language detection', () => {
  it.each([
    ['我想开户', 'zh-CN'],
    ['How do I open an account?', 'en'],
    ['ETF 和 REITs 有什么区别', 'zh-CN'],
    ['Is the Beijing branch (北京) open on Sunday?', 'en'],
    ['手机银行 app', 'zh-CN'],
    ['123', 'en'],
  ] as const)('%s → %s', (text, lang) => {
    expect(detectLang(text, 'en')).toBe(lang)
  })

  it('falls back to the UI language when there are no letters', () => {
    expect(detectLang('？？ 123', 'zh-CN')).toBe('zh-CN')
  })
})

describe('BM25', () => {
  it("uses Lucene's idf", () => {
    expect(bm25Idf(10, 1)).toBeCloseTo(Math.log(1 + 9.5 / 1.5), 12)
    expect(bm25Idf(10, 10)).toBeGreaterThan(0)
  })

  it('ranks the document with the rare term first and normalises length', () => {
    const idx = new Bm25Index(
      [[['card', 'lost']], [['card', 'fee']], [['card', 'fee', 'annual', 'waiver', 'rule', 'extra', 'word', 'more']]],
      [1],
    )
    const hits = idx.search(new Map([['fee', 1]]), 3)
    expect(hits.map((h) => h.doc)).toEqual([1, 2])
    expect(idx.search(new Map([['lost', 1]]), 3)[0]?.doc).toBe(0)
    expect(idx.search(new Map([['nothing', 1]]), 3)).toEqual([])
  })

  it('weights fields and query terms', () => {
    const idx = new Bm25Index(
      [
        [['loan'], ['rate']],
        [['rate'], ['loan']],
      ],
      [3, 1],
    )
    expect(idx.search(new Map([['rate', 1]]), 2)[0]?.doc).toBe(1)
    expect(
      idx.search(
        new Map([
          ['loan', 1],
          ['rate', 0.2],
        ]),
        2,
      )[0]?.doc,
    ).toBe(0)
  })
})

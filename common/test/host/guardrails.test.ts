import { describe, expect, it } from 'vitest'

import { createHostBrain } from '../../src/host/brain.ts'
import { outputProblems, unnegatedPromises } from '../../src/host/guardrails.ts'
import { parseKnowledge } from '../../src/host/knowledge.ts'
import { RISK_DISCLOSURE, TEXTS } from '../../src/host/texts.ts'
import { loadFixtureKnowledge } from './loadKb.ts'

const kb = loadFixtureKnowledge()
const brain = createHostBrain(kb)
const ask = (text: string) => brain.ask(text, { lang: 'en' })

describe('advice guardrail', () => {
  it.each([
    '保本吗？',
    '这个理财保本保息吗',
    '有没有稳赚不赔的产品',
    '我应该买哪只基金',
    '推荐一只收益高的基金',
    '现在要不要卖掉股票',
    '哪个理财产品最好',
    '帮我选一个理财',
    '买什么基金能赚钱',
    '这个产品能保证收益吗',
    '零风险的投资有吗',
  ])('zh: %s', (text) => {
    const r = ask(text)
    expect(r.kind).toBe('advice_guardrail')
    expect(r.lang).toBe('zh-CN')
    expect(r.text).toContain('C1')
    expect(r.text).toContain('R1')
    expect(r.text).toContain('持牌理财顾问')
    expect(r.disclosure).toBe(RISK_DISCLOSURE['zh-CN'])
  })

  it.each([
    'Which fund should I buy?',
    'Is this product guaranteed?',
    'Can you recommend a good fund?',
    'Should I sell my shares now?',
    'What stock should I buy?',
    'Give me a risk-free investment',
    'I want guaranteed returns',
    'Which ETF is best to buy?',
    'Tell me what to invest in',
    'Is now a good time to buy?',
    'Is my principal protected with a wealth product?',
  ])('en: %s', (text) => {
    const r = ask(text)
    expect(r.kind).toBe('advice_guardrail')
    expect(r.lang).toBe('en')
    expect(r.text).toMatch(/C1.*R1/s)
    expect(r.text).toContain('licensed advisor')
    expect(r.disclosure).toBe(RISK_DISCLOSURE.en)
  })

  it('never names a product to buy: the reply is the fixed text, or it plus an education entry', () => {
    const r = ask('保本吗？银行理财产品是什么')
    expect(r.text.startsWith(TEXTS.advice['zh-CN'])).toBe(true)
  })
})

describe('fraud warning', () => {
  it.each([
    '有人让我把钱转到安全账户',
    '自称公安的人打电话说我涉嫌洗钱',
    '客服让我把验证码告诉他',
    '对方要我开屏幕共享',
    '对方让我下载一个会议软件远程协助',
    '警察打电话让我马上转账',
    '陌生来电说我的账户被冻结，要我立刻转账',
    '公检法让我配合调查',
    '有人冒充银行客服要我的密码',
    '我收到短信说中奖了，对方要我先转账',
  ])('zh: %s', (text) => {
    const r = ask(text)
    expect(r.kind).toBe('fraud_warning')
    expect(r.lang).toBe('zh-CN')
    expect(r.text).toContain('挂断')
    expect(r.text).toContain('官方客服电话')
  })

  it.each([
    'Someone asked me to move my money to a safe account',
    'The police called and said I must transfer money now',
    'A caller wants me to share my verification code',
    'They asked me to share my screen',
    'The bank told me to install AnyDesk',
    'Someone called saying my account is frozen and I need to transfer urgently',
    'Should I give them the OTP they asked for?',
    'A man claiming to be from the court says I am involved in money laundering',
    'Someone wants remote access to my phone',
    'A stranger says I won a prize and must pay a fee first',
  ])('en: %s', (text) => {
    const r = ask(text)
    expect(r.kind).toBe('fraud_warning')
    expect(r.lang).toBe('en')
    expect(r.text).toMatch(/hang up/i)
    expect(r.text).toMatch(/never share a verification code/)
  })

  it('does not cry wolf at everyday banking', () => {
    expect(ask('收不到短信验证码怎么办？').kind).toBe('answer')
    expect(ask('How much can I transfer per day?').kind).toBe('answer')
    expect(ask('I forgot my password').kind).not.toBe('fraud_warning')
  })
})

describe('risk disclosure', () => {
  it.each([
    ['银行理财产品是什么？', 'zh-CN'],
    ['理财产品和存款有什么区别？', 'zh-CN'],
    ['产品风险等级R1到R5是什么意思？', 'zh-CN'],
    ['为什么要做风险测评问卷？', 'zh-CN'],
    ['风险承受能力评估是什么？', 'zh-CN'],
    ['What is a bank wealth management product?', 'en'],
    ['How is a wealth product different from a deposit?', 'en'],
    ['What do risk levels R1 to R5 mean?', 'en'],
    ['Why do I need to take the risk questionnaire?', 'en'],
    ['What is a risk tolerance assessment?', 'en'],
  ] as const)('product and suitability answers carry it: %s', (text, lang) => {
    const r = ask(text)
    expect(r.kind).toBe('answer')
    expect(r.disclosure).toBe(RISK_DISCLOSURE[lang])
  })

  it.each([
    '银行卡丢了怎么办？',
    'What are the branch opening hours?',
    '跨行转账多久到账？',
    'How much does deposit insurance cover?',
  ])('other answers do not: %s', (text) => {
    const r = ask(text)
    expect(r.kind).toBe('answer')
    expect(r.disclosure).toBeUndefined()
  })

  it('the disclosure names the essentials in both languages', () => {
    expect(RISK_DISCLOSURE['zh-CN']).toContain('理财非存款，产品有风险，投资须谨慎')
    expect(RISK_DISCLOSURE['zh-CN']).toContain('过往业绩不代表未来表现')
    expect(RISK_DISCLOSURE.en).toMatch(/Investment involves risk/i)
    expect(RISK_DISCLOSURE.en).toMatch(/past performance/i)
    expect(RISK_DISCLOSURE.en).toMatch(/C1–C5.*R1–R5/s)
  })
})

describe('output check', () => {
  it.each([
    '本产品保本保息',
    '稳赚不赔，放心买',
    '这是零风险投资',
    'This fund offers guaranteed returns',
    'It is risk-free',
    'Principal guaranteed!',
  ])('flags promises: %s', (text) => expect(unnegatedPromises(text).length).toBeGreaterThan(0))

  it.each([
    '理财产品不保本，也不保证收益',
    '银行理财不再保本保息',
    '任何投资都没有稳赚的保证',
    '并非零风险',
    'There are no guaranteed returns.',
    'No investment is risk-free.',
    'Wealth products are not principal guaranteed.',
    'We never promise guaranteed returns',
  ])('accepts negated mentions: %s', (text) => expect(unnegatedPromises(text)).toEqual([]))

  it('a negation does not reach past the end of its clause', () => {
    expect(unnegatedPromises('这不是问题。本产品保本')).toEqual(['保本'])
    expect(unnegatedPromises('Not now. This is risk-free')).toEqual(['risk-free'])
  })

  it('flags buy/sell recommendations', () => {
    expect(outputProblems('建议您购买这只基金')).not.toEqual([])
    expect(outputProblems('You should buy this fund now')).not.toEqual([])
  })

  it('every fixed text and the disclosure pass', () => {
    for (const t of [...Object.values(TEXTS), RISK_DISCLOSURE]) {
      expect(outputProblems(t['zh-CN'])).toEqual([])
      expect(outputProblems(t.en)).toEqual([])
    }
  })

  it('withholds a knowledge-base answer that promises returns', () => {
    const bad = structuredClone(kb.entries[0]!)
    bad['zh-CN'].answer = '开户送保本保息理财。'
    bad.en.answer = 'Open an account and get guaranteed returns.'
    const b = createHostBrain(parseKnowledge({ entries: [bad], synonyms: [], dictionary: [] }))
    for (const [q, lang] of [
      [bad['zh-CN'].questions[0]!, 'zh-CN'],
      [bad.en.questions[0]!, 'en'],
    ] as const) {
      const r = b.ask(q, { lang })
      expect(r.kind).toBe('decline')
      expect(r.text).toBe(TEXTS.withheld[lang])
      expect(r.entryId).toBeUndefined()
    }
  })
})

/**
 * Asking for a person (book, see, meet or talk to an advisor) creates a hand-off; asking how booking works is
 * answered from the knowledge base. Decided in intents.ts: a wish or a plea (我想, 帮我, 麻烦, I want, I'd like,
 * can you, please) or a bare imperative ("预约客户经理", "book a financial adviser") before the person is a
 * request; how / what / when / why or a part of the process (cancel, reschedule, late, wait, prepare, sign in,
 * fees) makes it a question, even with a wish in front ("我想预约理财顾问，需要准备什么").
 */
import { describe, expect, it } from 'vitest'

import { createHostBrain } from '../../src/host/brain.ts'
import { loadRealKnowledge } from './loadKb.ts'

const brain = createHostBrain(loadRealKnowledge())

describe('hand-off requests', () => {
  it.each([
    '我想预约理财顾问',
    '帮我约个顾问',
    '预约客户经理',
    '找人工',
    '转人工',
    '我要预约一位客户经理',
    '麻烦帮我约一下理财经理',
    '我想见一下理财顾问',
    '能帮我约个顾问吗',
    '请帮我预约投资顾问',
    '我想找个客户经理聊聊',
    '约个顾问',
  ])('zh: %s → handoff', (text) => {
    const r = brain.ask(text, { lang: 'en' })
    expect(r.kind).toBe('handoff')
    expect(r.lang).toBe('zh-CN')
  })

  it.each([
    "I'd like to book an appointment with an advisor",
    'can I speak to someone',
    'book a financial adviser',
    'talk to a real person',
    'I want to book an advisor',
    'Could you book me an appointment with a wealth adviser?',
    'I’d like to see an advisor please',
    'Can I book an appointment?',
    'please arrange a meeting with a relationship manager',
    'I need to speak to a human',
    'Let me talk to someone',
    'I would like to meet a financial planner',
    'Can you set up a consultation for me?',
  ])('en: %s → handoff', (text) => {
    const r = brain.ask(text, { lang: 'zh-CN' })
    expect(r.kind).toBe('handoff')
    expect(r.lang).toBe('en')
  })
})

describe('questions about booking are answered, not handed off', () => {
  // [question, the entry retrieval should rank first (undefined: only "not a hand-off")]
  it.each([
    ['怎么预约顾问', 'advisor-booking-book'],
    ['怎么取消预约', 'advisor-booking-reschedule-cancel'],
    ['预约了迟到怎么办', 'advisor-booking-no-show'],
    ['见顾问要带什么资料', 'advisor-booking-prepare'],
    ['转人工后顾问知道我说了什么吗', 'advisor-booking-context-shared'],
    ['没账号能预约吗', 'advisor-booking-sign-in-needed'],
    ['改约', 'advisor-booking-reschedule-cancel'],
    ['预约顾问要登录吗', undefined],
    ['预约顾问需要多久', undefined],
    ['预约顾问收费吗', undefined],
    ['顾问等多久', undefined],
    ['我想预约理财顾问，需要准备什么', undefined],
  ] as const)('zh: %s', (text, id) => {
    const r = brain.ask(text, { lang: 'zh-CN' })
    expect(r.kind).not.toBe('handoff')
    if (id) expect(brain.retriever.search(text, 'zh-CN', 1).hits[0]?.entry.id).toBe(id)
  })

  it.each([
    ['How do I book an advisor?', 'advisor-booking-book'],
    ['can I cancel my booking?', 'advisor-booking-reschedule-cancel'],
    ['How do I reschedule my appointment with an adviser?', 'advisor-booking-reschedule-cancel'],
    ['Do I need to sign in to book?', 'advisor-booking-sign-in-needed'],
    ['book without an account', 'advisor-booking-sign-in-needed'],
    ['What if I am late for my appointment?', 'advisor-booking-no-show'],
    ['I missed my booking', 'advisor-booking-no-show'],
    ['What should I bring to an advisor meeting?', 'advisor-booking-prepare'],
    ['Can I book an advisor at the weekend?', 'branch-hours-holidays'],
    ['how long do I wait for an advisor?', undefined],
    ['How does booking work?', undefined],
    ['Is booking an advisor free?', undefined],
  ] as const)('en: %s', (text, id) => {
    const r = brain.ask(text, { lang: 'en' })
    expect(r.kind).not.toBe('handoff')
    if (id) expect(brain.retriever.search(text, 'en', 1).hits[0]?.entry.id).toBe(id)
  })

  it('answers the booking questions it is sure of from the advisor_booking entries', () => {
    for (const [text, lang] of [
      ['怎么预约顾问', 'zh-CN'],
      ['怎么取消预约', 'zh-CN'],
      ['How do I book an advisor?', 'en'],
      ['can I cancel my booking?', 'en'],
    ] as const) {
      const r = brain.ask(text, { lang })
      expect(r.kind).toBe('answer')
      expect(r.entryId).toMatch(/^advisor-booking-/)
    }
  })
})

import { describe, expect, it } from 'vitest'

import { createHostBrain } from '../../src/host/brain.ts'
import type { HostReply } from '../../src/host/contract.ts'
import { RISK_DISCLOSURE } from '../../src/host/texts.ts'
import { loadFixtureKnowledge } from './loadKb.ts'

const brain = createHostBrain(loadFixtureKnowledge())
const ask = (text: string, lang: 'zh-CN' | 'en' = 'en'): HostReply => brain.ask(text, { lang })

describe('intents', () => {
  it.each([
    ['带我去报告厅', 'auditorium'],
    ['顾问室在哪里？', 'suites'],
    ['怎么去财富沙盘', 'sandbox'],
    ['我想去前台', 'atrium'],
    ['去投教报告厅', 'auditorium'],
    ['请带路到中庭接待台', 'atrium'],
    ['Take me to the auditorium', 'auditorium'],
    ['Where are the advisory suites?', 'suites'],
    ['How do I get to the sandbox hall?', 'sandbox'],
    ['Show me the way to reception', 'atrium'],
    ['go to the lecture hall please', 'auditorium'],
    ['Bring me back to the atrium', 'atrium'],
  ] as const)('navigate: %s → %s', (text, zone) => {
    const r = ask(text)
    expect(r.kind).toBe('navigate')
    expect(r.zone).toBe(zone)
  })

  it.each([
    ['打开财富沙盘', 'zh-CN'],
    ['我想试试沙盘', 'zh-CN'],
    ['模拟一下我的投资', 'zh-CN'],
    ['启动沙盘', 'zh-CN'],
    ['用一下财富沙盘', 'zh-CN'],
    ['Open the wealth sandbox', 'en'],
    ['launch the sandbox', 'en'],
    ['I want to try the sandbox', 'en'],
    ['run a portfolio simulation', 'en'],
    ['Can I use the sandbox now?', 'en'],
  ] as const)('open_sandbox: %s', (text, lang) => {
    const r = ask(text, lang === 'en' ? 'zh-CN' : 'en')
    expect(r.kind).toBe('open_sandbox')
    expect(r.lang).toBe(lang)
    expect(r.disclosure).toBe(RISK_DISCLOSURE[lang])
  })

  it.each([
    '我要做风险测评',
    '开始风险评估',
    '填写问卷',
    '帮我测一下我的风险等级',
    '重新做一下测评',
    'Start the risk questionnaire',
    'I want to take the risk assessment',
    'Can I do the questionnaire now?',
    'retake my risk profile',
    'assess my risk please',
  ])('start_questionnaire: %s', (text) => {
    expect(ask(text).kind).toBe('start_questionnaire')
  })

  it.each([
    '我要报名下周的讲座',
    '报名投教活动',
    '我想参加这个讲座',
    '帮我预约活动',
    '我想报名',
    'Register me for the seminar',
    'I want to sign up for the webinar',
    'Sign me up for the next talk',
    'How do I register for an event?',
    'Can I join the workshop on Friday?',
  ])('register_event: %s', (text) => {
    expect(ask(text).kind).toBe('register_event')
  })

  it.each([
    '转人工',
    '我要找人工客服',
    '我想和理财顾问聊聊',
    '能不能找个真人',
    '请帮我联系客户经理',
    'I want to talk to a human',
    'Can I speak with an advisor?',
    'connect me to a real person',
    'I need an agent',
    'Let me chat with someone from the bank staff',
  ])('handoff: %s', (text) => {
    expect(ask(text).kind).toBe('handoff')
  })

  it.each([
    '我要投诉',
    '你们服务太差了，我要投诉',
    '我对这个顾问很不满意',
    '投诉你们网点',
    '我想投诉上次的转账处理',
    'I want to make a complaint',
    'I would like to file a complaint about my advisor',
    "I'm very unhappy with the service",
    'This is unacceptable, I want to complain',
    'complaint about a wrong fee',
  ])('complaint: %s', (text) => {
    expect(ask(text).kind).toBe('complaint')
  })

  it('leaves questions about features to the knowledge base', () => {
    expect(ask('What is the wealth sandbox for?').kind).toBe('answer')
    expect(ask('投诉多久能处理？').kind).toBe('answer')
    expect(ask('为什么要做风险测评问卷？').kind).toBe('answer')
  })

  it('hands off after "yes" to an offer of a person', () => {
    const r = brain.ask('好的', {
      lang: 'zh-CN',
      history: [
        { from: 'visitor', text: '今天天气怎么样', at: 1 },
        { from: 'host', text: '…', at: 2, kind: 'decline' },
      ],
    })
    expect(r.kind).toBe('handoff')
    expect(brain.ask('好的', { lang: 'zh-CN' }).kind).not.toBe('handoff')
  })

  it('replies in the language the visitor writes in, not the UI language', () => {
    expect(ask('带我去报告厅', 'en').lang).toBe('zh-CN')
    expect(ask('带我去报告厅', 'en').text).toContain('报告厅')
    expect(ask('Take me to the auditorium', 'zh-CN').lang).toBe('en')
  })

  it('reports topics for the hand-off packet', () => {
    expect(brain.topicsOf('我的信用卡丢了')).toContain('cards')
    expect(brain.topicsOf('有人让我转账到安全账户')[0]).toBe('fraud')
    expect(brain.topicsOf('今天天气怎么样')).toEqual([])
  })
})

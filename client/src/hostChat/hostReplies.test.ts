import type { HostReply } from '@atrium/common'
import { describe, expect, it } from 'vitest'

import { formatDeadline, replyPlan, splitDisclosure, subtitleMs, turnsToItems } from './hostReplies.ts'

const reply = (r: Partial<HostReply>): HostReply => ({ kind: 'answer', lang: 'en', text: 'hi', ...r })

describe('replyPlan', () => {
  it('travels to the zone a navigate reply names, unless the visitor is there already', () => {
    expect(replyPlan(reply({ kind: 'navigate', zone: 'auditorium' }), 'atrium')).toEqual({
      travelTo: 'auditorium',
      note: { key: 'travel', zone: 'auditorium' },
    })
    expect(replyPlan(reply({ kind: 'navigate', zone: 'atrium' }), 'atrium')).toEqual({
      travelTo: undefined,
      note: { key: 'alreadyHere', zone: 'atrium' },
    })
    expect(replyPlan(reply({ kind: 'navigate' }), 'atrium')).toEqual({})
  })

  it('takes the sandbox, questionnaire and event replies to their zones with a note', () => {
    expect(replyPlan(reply({ kind: 'open_sandbox' }), 'atrium').travelTo).toBe('sandbox')
    expect(replyPlan(reply({ kind: 'start_questionnaire' }), 'suites')).toEqual({
      travelTo: 'sandbox',
      note: { key: 'questionnaire', zone: 'sandbox' },
    })
    expect(replyPlan(reply({ kind: 'register_event' }), 'auditorium')).toEqual({
      travelTo: undefined,
      note: { key: 'event', zone: 'auditorium' },
    })
  })

  it('stays put for every other kind', () => {
    for (const kind of ['answer', 'clarify', 'decline', 'handoff', 'complaint', 'fraud_warning'] as const) {
      expect(replyPlan(reply({ kind, zone: 'sandbox' }), 'atrium')).toEqual({})
    }
  })
})

describe('splitDisclosure', () => {
  it('shows an appended disclosure once, apart from the answer', () => {
    const d = 'Investing involves risk.'
    expect(splitDisclosure(`Funds pool money. ${d}`, d)).toEqual({ body: 'Funds pool money.', disclosure: d })
    expect(splitDisclosure('Funds pool money.', d)).toEqual({ body: 'Funds pool money.', disclosure: d })
    expect(splitDisclosure('Plain.', undefined)).toEqual({ body: 'Plain.' })
    expect(splitDisclosure('Plain.', '  ')).toEqual({ body: 'Plain.' })
  })

  it('keeps the text when it is nothing but the disclosure', () => {
    expect(splitDisclosure('理财有风险', '理财有风险')).toEqual({ body: '理财有风险', disclosure: '理财有风险' })
  })
})

describe('formatDeadline', () => {
  const due = Date.UTC(2025, 5, 3, 9, 30)
  it('formats in the UI language', () => {
    expect(formatDeadline(due, 'en', 'UTC')).toMatch(/Jun 3, 2025.*9:30/)
    expect(formatDeadline(due, 'zh-CN', 'Asia/Shanghai')).toMatch(/2025年6月3日.*17:30/)
  })
})

describe('subtitleMs', () => {
  it('scales with the length of the line within bounds', () => {
    expect(subtitleMs('Hi', 'en')).toBe(2500)
    expect(subtitleMs('one two three four five six seven eight nine ten', 'en')).toBe(3800)
    expect(subtitleMs('您好'.repeat(10), 'zh-CN')).toBe(4600)
    expect(subtitleMs('x '.repeat(500), 'en')).toBe(15_000)
  })
})

describe('turnsToItems', () => {
  it('numbers restored turns and keeps their kind', () => {
    const items = turnsToItems(
      [
        { from: 'visitor', text: 'q', at: 1 },
        { from: 'host', text: 'a', at: 2, kind: 'handoff' },
      ],
      10,
    )
    expect(items).toEqual([
      { id: 10, from: 'visitor', text: 'q', at: 1, kind: undefined, restored: true },
      { id: 11, from: 'host', text: 'a', at: 2, kind: 'handoff', restored: true },
    ])
  })
})

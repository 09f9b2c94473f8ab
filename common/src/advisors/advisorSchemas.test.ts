import { describe, expect, it } from 'vitest'

import { BookRequest, PublishSlotRequest, TimeZoneSchema } from './appointments.ts'
import { ComplaintRequest } from './complaints.ts'
import { JoinQueueRequest } from './queue.ts'
import { InviteCode, SummaryRequest } from './sessions.ts'
import { SuiteJoinOptions, SuiteWallMsg } from './suiteMessages.ts'

describe('live-advisor schemas', () => {
  it('accept IANA zones only', () => {
    expect(TimeZoneSchema.safeParse('Asia/Shanghai').success).toBe(true)
    expect(TimeZoneSchema.safeParse('America/Argentina/Buenos_Aires').success).toBe(true)
    expect(TimeZoneSchema.safeParse('Mars/Olympus').success).toBe(false)
    expect(TimeZoneSchema.safeParse("UTC'; drop table").success).toBe(false)
    expect(BookRequest.safeParse({ slotId: 'sl_abcdefgh12', topic: 'loans', timeZone: 'UTC' }).success).toBe(true)
  })

  it('refuse unknown topics, odd slot lengths and extra fields', () => {
    expect(JoinQueueRequest.safeParse({ topic: 'crypto', lang: 'en' }).success).toBe(false)
    expect(JoinQueueRequest.safeParse({ topic: 'cards', lang: 'en', admin: true }).success).toBe(false)
    expect(PublishSlotRequest.safeParse({ startsAt: 1, minutes: 7, topics: ['cards'] }).success).toBe(false)
    expect(PublishSlotRequest.safeParse({ startsAt: 1, minutes: 45, topics: ['cards'] }).success).toBe(true)
  })

  it('clean text that others will read (no controls or direction overrides)', () => {
    const wall = SuiteWallMsg.parse({ kind: 'document', title: 'Fund\u202e  factsheet\u0007', page: 3 })
    expect(wall.title).toBe('Fund factsheet')
    const summary = SummaryRequest.parse({ discussed: 'a\r\n\r\n\r\nb', nextSteps: [' x '], disclosures: [] })
    expect(summary).toEqual({ discussed: 'a\n\nb', nextSteps: ['x'], disclosures: [] })
    expect(ComplaintRequest.safeParse({ text: '   ', lang: 'en', source: 'menu' }).success).toBe(false)
    expect(ComplaintRequest.safeParse({ text: 'late', lang: 'en', source: 'host' }).success).toBe(false)
  })

  it('name suites and invites in their own formats', () => {
    expect(SuiteJoinOptions.safeParse({ reference: 'H-ABCDEFGH' }).success).toBe(true)
    expect(SuiteJoinOptions.safeParse({ reference: 'H-ABCDEFG0' }).success).toBe(false)
    expect(InviteCode.safeParse('ABCD2345').success).toBe(true)
    expect(InviteCode.safeParse('abcd2345').success).toBe(false)
  })
})

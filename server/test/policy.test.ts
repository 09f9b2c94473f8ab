import { CONSENT_PURPOSES, ROLES, type ConsentPurpose, type Role } from '@atrium/common'
import { describe, expect, it } from 'vitest'

import { ACTIONS, authorize, decide, Forbidden, type Action } from '../src/policy/policy.ts'

const SELF = 'u_self00000'
const OTHER = 'u_other0000'
const none = new Set<ConsentPurpose>()
const all = new Set<ConsentPurpose>(CONSENT_PURPOSES)

/**
 * The complete role × action matrix. Columns: guest, customer, advisor, educator, compliance, admin.
 * 'Y' allowed, 'A' allowed and audited, '-' refused. Actions on another person's data are checked
 * with that person's consents absent and present.
 */
const MATRIX: Record<string, { action: Action; ctx?: Parameters<typeof decide>[2]; row: string }> = {
  'enter the branch': { action: 'branch.enter', row: 'Y Y Y Y Y Y' },
  'send chat': { action: 'chat.send', row: 'Y Y Y Y Y Y' },
  'ask the digital host': { action: 'host.ask', row: 'Y Y Y Y Y Y' },
  'read own account': { action: 'account.read_own', row: '- Y Y Y Y Y' },
  'update own account': { action: 'account.update_own', row: '- Y Y Y Y Y' },
  'export own data': { action: 'account.export_own', row: '- Y Y Y Y Y' },
  'delete own account': { action: 'account.delete_own', row: '- Y - - - -' },
  'manage own consents': { action: 'consent.manage_own', row: '- Y - - - -' },
  'manage own profile': { action: 'profile.manage_own', row: '- Y - - - -' },
  'manage own plans': { action: 'plans.manage_own', row: '- Y - - - -' },
  "read a customer's data, no consent": {
    action: 'customer.read',
    ctx: { ownerId: OTHER, consents: none },
    row: '- - - - A -',
  },
  "read a customer's data, consent given": {
    action: 'customer.read',
    ctx: { ownerId: OTHER, consents: all },
    row: '- - A - A -',
  },
  'read my own data as a record': {
    action: 'customer.read',
    ctx: { ownerId: SELF, consents: none },
    row: '- Y - - A -',
  },
  'record a session, no consent': {
    action: 'session.record',
    ctx: { ownerId: OTHER, consents: none },
    row: '- - - - - -',
  },
  'record a session, consent given': {
    action: 'session.record',
    ctx: { ownerId: OTHER, consents: all },
    row: '- - A A - -',
  },
  'list users': { action: 'users.list', row: '- - - - - Y' },
  'create staff': { action: 'users.create_staff', row: '- - - - - Y' },
  'change a user': { action: 'users.update', row: '- - - - - Y' },
  "end a user's sessions": { action: 'users.revoke_sessions', row: '- - - - - Y' },
  'read the audit trail': { action: 'audit.read', row: '- - - - Y -' },
  'verify the audit trail': { action: 'audit.verify', row: '- - - - Y Y' },
  'read hand-off requests': { action: 'handoffs.read', row: '- - A - A -' },
  'take a hand-off request': { action: 'handoffs.take', row: '- - A - - -' },
  'read complaints': { action: 'complaints.read', row: '- - Y - Y -' },
  'join atrium voice': { action: 'media.join', ctx: { mediaRoom: 'atrium' }, row: 'Y Y Y Y Y Y' },
  'join the auditorium': { action: 'media.join', ctx: { mediaRoom: 'auditorium' }, row: 'Y Y Y Y Y Y' },
  'join the suite of my own hand-off': {
    action: 'media.join',
    ctx: { mediaRoom: 'suite', ownerId: SELF, takenBy: OTHER },
    row: 'Y Y Y Y Y Y',
  },
  'join the suite of a hand-off I took': {
    action: 'media.join',
    ctx: { mediaRoom: 'suite', ownerId: OTHER, takenBy: SELF },
    row: '- - Y - - -',
  },
  "join someone else's suite": {
    action: 'media.join',
    ctx: { mediaRoom: 'suite', ownerId: OTHER, takenBy: OTHER },
    row: '- - - - - -',
  },
  'join a suite nobody took yet, not mine': {
    action: 'media.join',
    ctx: { mediaRoom: 'suite', ownerId: OTHER, takenBy: null },
    row: '- - - - - -',
  },
  'join media naming no room': { action: 'media.join', row: '- - - - - -' },
  'present in the auditorium': { action: 'media.present', ctx: { mediaRoom: 'auditorium' }, row: '- - - Y - -' },
  'present in the atrium': { action: 'media.present', ctx: { mediaRoom: 'atrium' }, row: '- - - - - -' },
  'moderate atrium voice': { action: 'media.moderate', ctx: { mediaRoom: 'atrium' }, row: '- - - - A A' },
  'moderate the auditorium': { action: 'media.moderate', ctx: { mediaRoom: 'auditorium' }, row: '- - - A A A' },
  'moderate the suite of a hand-off I took': {
    action: 'media.moderate',
    ctx: { mediaRoom: 'suite', ownerId: OTHER, takenBy: SELF },
    row: '- - A - A A',
  },
  "moderate another advisor's suite": {
    action: 'media.moderate',
    ctx: { mediaRoom: 'suite', ownerId: SELF, takenBy: OTHER },
    row: '- - - - A A',
  },
  'moderate media naming no room': { action: 'media.moderate', row: '- - - - - -' },
  // education events (issue 8)
  'create an event': { action: 'events.create', row: '- - - Y - -' },
  'manage an event I host': { action: 'events.manage', ctx: { eventHost: SELF }, row: '- - - Y - A' },
  "manage another's event": { action: 'events.manage', ctx: { eventHost: OTHER }, row: '- - - - - A' },
  'manage naming no event': { action: 'events.manage', row: '- - - - - -' },
  'register for an event': { action: 'events.register', row: '- Y Y Y Y Y' },
  'moderate an event I host': { action: 'events.moderate', ctx: { eventHost: SELF }, row: '- - - Y A A' },
  "moderate another's event": { action: 'events.moderate', ctx: { eventHost: OTHER }, row: '- - - - A A' },
  'moderate naming no event': { action: 'events.moderate', row: '- - - - - -' },
  'join event media, registered': {
    action: 'media.join',
    ctx: { mediaRoom: 'event', eventHost: OTHER, registered: true },
    row: 'Y Y Y Y A A',
  },
  'join event media, not registered': {
    action: 'media.join',
    ctx: { mediaRoom: 'event', eventHost: OTHER, registered: false },
    row: '- - - - A A',
  },
  'join the media of an event I host': {
    action: 'media.join',
    ctx: { mediaRoom: 'event', eventHost: SELF },
    row: 'Y Y Y Y Y Y',
  },
  'present in an event I host': {
    action: 'media.present',
    ctx: { mediaRoom: 'event', eventHost: SELF },
    row: '- - - Y - -',
  },
  "present in another's event": {
    action: 'media.present',
    ctx: { mediaRoom: 'event', eventHost: OTHER },
    row: '- - - - - -',
  },
  'moderate the media of an event I host': {
    action: 'media.moderate',
    ctx: { mediaRoom: 'event', eventHost: SELF },
    row: '- - - A A A',
  },
  "moderate the media of another's event": {
    action: 'media.moderate',
    ctx: { mediaRoom: 'event', eventHost: OTHER },
    row: '- - - - A A',
  },
  'ask for a live advisor (queue, booking)': { action: 'advisor.request', row: '- Y - - - -' },
  'serve as an advisor (console)': { action: 'advisor.serve', row: '- - Y - - -' },
  'read my own advisory session': {
    action: 'advisory.read',
    ctx: { ownerId: SELF, sessionAdvisor: OTHER, teamSupervisor: null },
    row: '- Y - - A -',
  },
  'read an advisory session I advise': {
    action: 'advisory.read',
    ctx: { ownerId: OTHER, sessionAdvisor: SELF, teamSupervisor: null },
    row: '- - Y - A -',
  },
  "read my team's advisory session": {
    action: 'advisory.read',
    ctx: { ownerId: OTHER, sessionAdvisor: OTHER, teamSupervisor: SELF },
    row: '- - A - A -',
  },
  "read another team's advisory session": {
    action: 'advisory.read',
    ctx: { ownerId: OTHER, sessionAdvisor: OTHER, teamSupervisor: OTHER },
    row: '- - - - A -',
  },
  'open context in my running session': {
    action: 'advisory.context',
    ctx: { ownerId: OTHER, sessionAdvisor: SELF, sessionActive: true, consents: none },
    row: '- - A - - -',
  },
  'open context of an ended session': {
    action: 'advisory.context',
    ctx: { ownerId: OTHER, sessionAdvisor: SELF, sessionActive: false, consents: all },
    row: '- - - - - -',
  },
  "open context without being the session's advisor": {
    action: 'advisory.context',
    ctx: { ownerId: OTHER, sessionAdvisor: OTHER, sessionActive: true, consents: all },
    row: '- - - - - -',
  },
  'enter a suite I was admitted to': {
    action: 'suite.enter',
    ctx: { participants: [SELF, OTHER] },
    row: 'Y Y Y Y Y Y',
  },
  'enter a suite I was not admitted to': { action: 'suite.enter', ctx: { participants: [OTHER] }, row: '- - - - - -' },
  'join the suite media of a session I was invited to': {
    action: 'media.join',
    ctx: { mediaRoom: 'suite', ownerId: OTHER, takenBy: OTHER, participants: [SELF] },
    row: 'Y Y Y Y Y Y',
  },
  'respond to a complaint': { action: 'complaints.respond', row: '- - A - A -' },
  'manage advisor teams': { action: 'advisors.team', row: '- - - - - Y' },
  'open a shared sandbox session': { action: 'sandbox.open', row: '- Y - - - -' },
  'join a shared sandbox session': { action: 'sandbox.join', row: '- Y A - - -' },
}

describe('policy matrix (role × action)', () => {
  it('covers every action', () => {
    const covered = new Set(Object.values(MATRIX).map((m) => m.action))
    expect([...covered].sort()).toEqual([...ACTIONS].sort())
  })

  for (const [label, { action, ctx, row }] of Object.entries(MATRIX)) {
    const expected = row.split(' ')
    it.each(ROLES.map((role, i) => [role, expected[i]] as [Role, string]))(`${label}: %s → %s`, (role, want) => {
      const d = decide({ id: SELF, role }, action, ctx)
      expect(d.allow ? (d.audit ? 'A' : 'Y') : '-').toBe(want)
    })
  }

  it('consent for one purpose does not open another', () => {
    const onlyMarketing = new Set<ConsentPurpose>(['marketing'])
    expect(
      decide({ id: SELF, role: 'advisor' }, 'customer.read', { ownerId: OTHER, consents: onlyMarketing }).allow,
    ).toBe(false)
    expect(
      decide({ id: SELF, role: 'advisor' }, 'session.record', {
        ownerId: OTHER,
        consents: new Set<ConsentPurpose>(['share_with_advisor']),
      }).allow,
    ).toBe(false)
  })

  it('refuses reads that name no subject', () => {
    expect(decide({ id: SELF, role: 'compliance' }, 'customer.read').reason).toBe('no_subject')
  })

  it('authorize throws Forbidden with the reason', () => {
    expect(() => authorize({ id: SELF, role: 'advisor' }, 'customer.read', { ownerId: OTHER, consents: none })).toThrow(
      Forbidden,
    )
    expect(authorize({ id: SELF, role: 'admin' }, 'users.list').allow).toBe(true)
  })
})

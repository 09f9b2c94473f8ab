import type { ConsentPurpose, MediaRoomKind, Role } from '@atrium/common'

/** Everything the branch authorizes, by HTTP handlers and rooms alike. */
export const ACTIONS = [
  'branch.enter',
  'chat.send',
  'host.ask',
  'account.read_own',
  'account.update_own',
  'account.export_own',
  'account.delete_own',
  'consent.manage_own',
  'profile.manage_own',
  'plans.manage_own',
  'customer.read',
  'session.record',
  'users.list',
  'users.create_staff',
  'users.update',
  'users.revoke_sessions',
  'audit.read',
  'audit.verify',
  'handoffs.read',
  'handoffs.take',
  'complaints.read',
  'advisor.request',
  'advisor.serve',
  'advisory.read',
  'advisory.context',
  'suite.enter',
  'complaints.respond',
  'advisors.team',
  'media.join',
  'media.present',
  'media.moderate',
  'events.create',
  'events.manage',
  'events.register',
  'events.moderate',
  'sandbox.open',
  'sandbox.join',
] as const
export type Action = (typeof ACTIONS)[number]

/** Who is asking. */
export interface Principal {
  id: string
  role: Role
}

/** What the decision depends on beyond the role. */
export interface PolicyContext {
  /** Owner of the data concerned (a customer's account id). */
  ownerId?: string
  /** The owner's currently granted consents. */
  consents?: ReadonlySet<ConsentPurpose>
  /** The kind of media room concerned (media actions). */
  mediaRoom?: MediaRoomKind
  /** For an advisory suite: the advisor who took its hand-off request (the customer is `ownerId`). */
  takenBy?: string | null
  /** For an advisory session: its advisor. */
  sessionAdvisor?: string | null
  /** For an advisory session: the supervisor of its advisor's team. */
  teamSupervisor?: string | null
  /** For an advisory session: whether it is still running (context is shown only during a session). */
  sessionActive?: boolean
  /** For an advisory suite: everyone admitted (customer, advisor, invited family member). */
  participants?: readonly string[]
  /** For an education event: its host (an educator's account id). */
  eventHost?: string
  /** For an education event: the caller holds a confirmed registration. */
  registered?: boolean
}

export interface Decision {
  allow: boolean
  /** Short machine-readable reason, used in errors and the audit trail. */
  reason: string
  /** True when the access must be written to the audit trail (staff reading customer data). */
  audit: boolean
}

const allow = (reason = 'role', audit = false): Decision => ({ allow: true, reason, audit })
const deny = (reason: string): Decision => ({ allow: false, reason, audit: false })

const ACCOUNT_HOLDERS: readonly Role[] = ['customer', 'advisor', 'educator', 'compliance', 'admin']

/**
 * The one authorization policy of Atrium: role, ownership and consent. Pure and synchronous so it
 * can be tested as a complete role × action matrix; callers look up ownership and consents first.
 */
export function decide(who: Principal, action: Action, ctx: PolicyContext = {}): Decision {
  const { role } = who
  switch (action) {
    case 'branch.enter':
    case 'chat.send':
    case 'host.ask':
      return allow()
    case 'account.read_own':
    case 'account.update_own':
    case 'account.export_own':
      return ACCOUNT_HOLDERS.includes(role) ? allow() : deny('no_account')
    case 'account.delete_own':
      // staff accounts are the bank's, closed by an admin; customers may erase their own
      return role === 'customer' ? allow() : deny('role')
    case 'consent.manage_own':
    case 'profile.manage_own':
    case 'plans.manage_own':
      return role === 'customer' ? allow() : deny('role')
    case 'customer.read':
      if (ctx.ownerId === undefined) return deny('no_subject')
      if (role === 'customer') return ctx.ownerId === who.id ? allow('owner') : deny('not_owner')
      if (role === 'advisor')
        return ctx.consents?.has('share_with_advisor') ? allow('consent', true) : deny('no_consent')
      // compliance reads for regulatory oversight, a legal basis of its own, always on the record
      if (role === 'compliance') return allow('oversight', true)
      return deny('role')
    case 'session.record':
      if (role !== 'advisor' && role !== 'educator') return deny('role')
      return ctx.consents?.has('record_session') ? allow('consent', true) : deny('no_consent')
    case 'users.list':
    case 'users.create_staff':
    case 'users.update':
    case 'users.revoke_sessions':
      return role === 'admin' ? allow() : deny('role')
    case 'audit.read':
      return role === 'compliance' ? allow() : deny('role')
    case 'audit.verify':
      return role === 'compliance' || role === 'admin' ? allow() : deny('role')
    case 'handoffs.read':
      // the packet holds a conversation and, with consent, a plan: audited like any customer record
      return role === 'advisor' || role === 'compliance' ? allow('role', true) : deny('role')
    case 'handoffs.take':
      return role === 'advisor' ? allow('role', true) : deny('role')
    case 'complaints.read':
      return role === 'compliance' || role === 'advisor' ? allow() : deny('role')
    case 'advisor.request':
    case 'advisor.serve':
    case 'advisory.read':
    case 'advisory.context':
    case 'suite.enter':
    case 'complaints.respond':
    case 'advisors.team':
      return advisoryDecision(who, action, ctx)
    case 'media.join':
      if (ctx.mediaRoom === undefined) return deny('no_room')
      if (ctx.mediaRoom === 'event') return eventMember(who, ctx)
      if (ctx.mediaRoom !== 'suite') return allow()
      // a suite is private to the hand-off's customer and the advisor who took it
      if (ctx.ownerId === who.id) return allow('owner')
      if (ctx.participants?.includes(who.id)) return allow('party')
      return role === 'advisor' && ctx.takenBy === who.id ? allow('advisor') : deny('not_party')
    case 'media.present':
      // speakers in the auditorium from the start; others speak only when promoted
      if (ctx.mediaRoom === 'event')
        return role === 'educator' && ctx.eventHost === who.id ? allow('host') : deny('role')
      return role === 'educator' && ctx.mediaRoom === 'auditorium' ? allow() : deny('role')
    case 'media.moderate':
      if (ctx.mediaRoom === undefined) return deny('no_room')
      if (role === 'compliance' || role === 'admin') return allow('oversight', true)
      if (role === 'educator' && ctx.mediaRoom === 'event') {
        return ctx.eventHost === who.id ? allow('host', true) : deny('not_host')
      }
      if (role === 'educator') return ctx.mediaRoom === 'auditorium' ? allow('role', true) : deny('not_moderator')
      if (role === 'advisor') {
        return ctx.mediaRoom === 'suite' && ctx.takenBy === who.id ? allow('advisor', true) : deny('not_moderator')
      }
      return deny('role')
    case 'events.create':
      return role === 'educator' ? allow() : deny('role')
    case 'events.manage':
      // an event is its host's; admins may step in (cancel a stray event), on the record
      if (ctx.eventHost === undefined) return deny('no_event')
      if (role === 'educator' && ctx.eventHost === who.id) return allow('host')
      return role === 'admin' ? allow('oversight', true) : deny('not_host')
    case 'events.register':
      return role === 'guest' ? deny('no_account') : allow()
    case 'events.moderate':
      if (ctx.eventHost === undefined) return deny('no_event')
      if (role === 'educator' && ctx.eventHost === who.id) return allow('host')
      return role === 'compliance' || role === 'admin' ? allow('oversight', true) : deny('not_host')
    case 'sandbox.open':
      // a shared session is a customer's own plan; staff join the customer's, never open their own
      return role === 'customer' ? allow() : deny('role')
    case 'sandbox.join':
      // invited by the customer (code or advisory suite): a family member's account or the advisor, whose
      // presence at a customer's plan is on the record
      if (role === 'customer') return allow()
      return role === 'advisor' ? allow('invited', true) : deny('role')
  }
}

/** Who may be in an event's media room and auditorium: its host, registered attendees, oversight staff. */
function eventMember(who: Principal, ctx: PolicyContext): Decision {
  if (ctx.eventHost !== undefined && ctx.eventHost === who.id) return allow('host')
  if (who.role === 'compliance' || who.role === 'admin') return allow('oversight', true)
  return ctx.registered ? allow('registered') : deny('not_registered')
}

/**
 * Live advisors (issue 7). Customers ask for advisors; advisors serve. A session's record is its customer's, its
 * advisor's and (audited) the advisor's supervisor's and compliance's; the customer's context opens only to the
 * session's own advisor while the session runs, and then each consented part only (see AdvisorContext).
 */
function advisoryDecision(who: Principal, action: Action, ctx: PolicyContext): Decision {
  const { role } = who
  switch (action) {
    case 'advisor.request':
      return role === 'customer' ? allow() : deny('role')
    case 'advisor.serve':
      return role === 'advisor' ? allow() : deny('role')
    case 'advisory.read':
      if (ctx.ownerId === undefined) return deny('no_subject')
      if (role === 'customer') return ctx.ownerId === who.id ? allow('owner') : deny('not_owner')
      if (role === 'advisor') {
        if (ctx.sessionAdvisor === who.id) return allow('advisor')
        return ctx.teamSupervisor === who.id ? allow('supervisor', true) : deny('not_team')
      }
      return role === 'compliance' ? allow('oversight', true) : deny('role')
    case 'advisory.context':
      if (role !== 'advisor' || ctx.ownerId === undefined) return deny('role')
      if (ctx.sessionAdvisor !== who.id) return deny('no_session')
      // the session opens the door; each part behind it (plans, questionnaire) still needs its consent
      return ctx.sessionActive ? allow('session', true) : deny('session_ended')
    case 'suite.enter':
      return ctx.participants?.includes(who.id) ? allow('party') : deny('not_party')
    case 'complaints.respond':
      return role === 'advisor' || role === 'compliance' ? allow('role', true) : deny('role')
    case 'advisors.team':
      return role === 'admin' ? allow() : deny('role')
    default:
      return deny('role')
  }
}

/** Thrown when a request is refused; HTTP handlers answer 403, rooms send an error message. */
export class Forbidden extends Error {
  constructor(readonly reason: string) {
    super(`forbidden: ${reason}`)
  }
}

/** `decide`, throwing `Forbidden` when refused; returns the decision so callers can audit. */
export function authorize(who: Principal, action: Action, ctx?: PolicyContext): Decision {
  const d = decide(who, action, ctx)
  if (!d.allow) throw new Forbidden(d.reason)
  return d
}

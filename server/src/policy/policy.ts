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
  'media.join',
  'media.present',
  'media.moderate',
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
    case 'media.join':
      if (ctx.mediaRoom === undefined) return deny('no_room')
      if (ctx.mediaRoom !== 'suite') return allow()
      // a suite is private to the hand-off's customer and the advisor who took it
      if (ctx.ownerId === who.id) return allow('owner')
      return role === 'advisor' && ctx.takenBy === who.id ? allow('advisor') : deny('not_party')
    case 'media.present':
      // speakers in the auditorium from the start; others speak only when promoted
      return role === 'educator' && ctx.mediaRoom === 'auditorium' ? allow() : deny('role')
    case 'media.moderate':
      if (ctx.mediaRoom === undefined) return deny('no_room')
      if (role === 'compliance' || role === 'admin') return allow('oversight', true)
      if (role === 'educator') return ctx.mediaRoom === 'auditorium' ? allow('role', true) : deny('not_moderator')
      if (role === 'advisor') {
        return ctx.mediaRoom === 'suite' && ctx.takenBy === who.id ? allow('advisor', true) : deny('not_moderator')
      }
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

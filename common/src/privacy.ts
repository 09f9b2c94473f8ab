import { z } from 'zod'

import type { Role } from './accounts.ts'
import type { AdvisorDataExport } from './advisors/dataExport.ts'
import type { EventDataExport } from './events/dataExport.ts'
import { cleanMultiline, cleanText } from './messages.ts'

/** Purposes a customer can consent to separately (PIPL: specific, informed, withdrawable). */
export const CONSENT_PURPOSES = ['share_with_advisor', 'record_session', 'marketing'] as const
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number]
export const ConsentPurposeSchema = z.enum(CONSENT_PURPOSES)

/** A consent text as shown to the customer; the version is stored with every grant. */
export interface ConsentText {
  version: number
  en: string
  'zh-CN': string
}

/**
 * The current consent texts. Changing the wording means adding a new version: grants of an older
 * version stay on record but no longer count, so the customer is asked again.
 */
export const CONSENT_TEXTS: Record<ConsentPurpose, ConsentText> = {
  share_with_advisor: {
    // version 2 names the education events attended, which the advisor's context shows since the events feature
    version: 2,
    en: 'Let the advisor I meet see my risk profile (with its date), my saved plans and the investor-education events I attended, so I never have to repeat myself. I can withdraw this at any time; it takes effect at once.',
    'zh-CN':
      '允许与我会面的理财顾问查看我的风险测评结果（及测评日期）、已保存的方案和我参加过的投资者教育活动，免得我重复说明。我可以随时撤回，撤回立即生效。',
  },
  record_session: {
    version: 1,
    en: 'Allow my advisory sessions to be recorded, as regulations require for some products. Recordings are kept only as long as the law requires.',
    'zh-CN': '允许对我的理财咨询进行录音录像（部分产品按监管要求须录制）。录制内容仅按法律要求的期限保存。',
  },
  marketing: {
    version: 1,
    en: 'Contact me about products and events. Optional; declining changes nothing else.',
    'zh-CN': '可以就产品和活动联系我。此项可选，拒绝不影响其他服务。',
  },
}

export const ConsentRequest = z.strictObject({
  purpose: ConsentPurposeSchema,
  granted: z.boolean(),
  /** The text version the customer saw; must be the current one to grant. */
  version: z.number().int().min(1).max(1000),
})
export type ConsentRequest = z.infer<typeof ConsentRequest>

/** The current state of one purpose. */
export interface ConsentState {
  purpose: ConsentPurpose
  granted: boolean
  /** Version granted (or last seen when withdrawn); null when never answered. */
  version: number | null
  currentVersion: number
  updatedAt: number | null
}

/** A customer's own risk profile and notes, as they entrusted them to the branch. */
export const ProfileBody = z.strictObject({
  /** Questionnaire answers by question id (see finance/questionnaire). */
  answers: z.record(z.string().max(32), z.number().int().min(0).max(10)).refine((r) => Object.keys(r).length <= 40),
  /** Goals in the customer's words (staff see them, so no controls or direction overrides). */
  goals: z.string().max(1000).transform(cleanMultiline).default(''),
})
export type ProfileBody = z.infer<typeof ProfileBody>

export interface ProfileView extends ProfileBody {
  updatedAt: number
}

/** A saved sandbox plan; the body is the sandbox's own JSON (validated by the sandbox). */
export const PlanBody = z.strictObject({
  name: z.string().max(320).transform(cleanText).pipe(z.string().min(1).max(80)),
  data: z.record(z.string().max(64), z.unknown()).refine((r) => JSON.stringify(r).length <= 32_000, 'plan too large'),
})
export type PlanBody = z.infer<typeof PlanBody>

export interface PlanView extends PlanBody {
  id: string
  createdAt: number
  updatedAt: number
}

/** Everything the branch keeps about a customer: GET /api/me/export. */
export interface DataExport {
  exportedAt: number
  account: Record<string, unknown>
  profile: ProfileView | null
  plans: PlanView[]
  consents: { purpose: ConsentPurpose; granted: boolean; version: number; at: number }[]
  sessions: { id: string; createdAt: number; lastUsedAt: number; endedAt: number | null; endReason: string | null }[]
  audit: AuditEntryView[]
  /** Conversations with the digital host, hand-off requests and complaints. */
  host: {
    conversations: { id: string; createdAt: number; turns: { from: string; text: string; at: number }[] }[]
    handoffs: { reference: string; status: string; created_at: number }[]
    complaints: { reference: string; text: string; status: string; created_at: number; due_at: number }[]
  }
  /** Live advisors: queue, appointments, sessions, summaries, notes, follow-ups (absent until the feature runs). */
  advisors?: AdvisorDataExport
  /** Education events: registrations, attendance, questions, chat lines, votes (absent until the feature runs). */
  events?: EventDataExport
  /** Shared wealth-sandbox sessions, proposals, accepted changes and suitability confirmations. */
  sandbox?: SandboxDataExport
}

/** What the shared wealth sandbox keeps about a person (plans as their canonical JSON). */
export interface SandboxDataExport {
  /** Sessions the person owns or belongs to; the plan only for sessions they own. */
  sessions: {
    id: string
    role: string
    name: string
    plan: string | null
    createdAt: number
    closedAt: number | null
  }[]
  proposals: { id: string; sessionId: string; plan: string; note: string; status: string; createdAt: number }[]
  /** Changes applied to the person's own sessions, with the suitability each had. */
  changes: { sessionId: string; actorId: string; plan: string; risk: string; suitability: string; at: number }[]
  confirmations: { status: string; risk: string; category: string | null; disclosureVersion: number; at: number }[]
}

/** What the audit trail records. Later features append their own actions. */
export const AUDIT_ACTIONS = [
  'auth.register',
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.refresh_reuse',
  'session.revoked',
  'account.created',
  'account.updated',
  'account.role_changed',
  'account.disabled',
  'account.enabled',
  'account.exported',
  'account.deleted',
  'consent.granted',
  'consent.withdrawn',
  'customer.read',
  'audit.read',
  'advice.given',
  'suitability.confirmed',
  'handoff.created',
  'handoff.taken',
  'complaint.recorded',
  'media.joined',
  'media.left',
  'media.moderated',
  // education events (issue 8)
  'event.changed',
  'event.moderated',
  // live advisors (issue 7)
  'queue.joined',
  'queue.left',
  'queue.accepted',
  'queue.declined',
  'appointment.booked',
  'appointment.moved',
  'appointment.cancelled',
  'advisory.started',
  'advisory.invited',
  'advisory.ended',
  'advisory.rated',
  'complaint.escalated',
  'complaint.answered',
  'team.changed',
  // shared wealth sandbox (issue 5)
  'sandbox.opened',
  'sandbox.joined',
  'sandbox.change_accepted',
  'sandbox.proposal_rejected',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** One audit entry as the API returns it. */
export interface AuditEntryView {
  seq: number
  at: number
  actorId: string
  actorRole: Role | 'system'
  action: AuditAction
  subjectId: string | null
  detail: Record<string, unknown>
  hash: string
}

/** Who can appear in an audit entry: an account, guest or session id, `system` or `unknown`. */
const AuditPartyId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'not an id')

/** GET /api/audit filters (compliance officers only). */
export const AuditQuery = z.strictObject({
  actor: AuditPartyId.optional(),
  subject: AuditPartyId.optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: z.coerce.number().int().min(0).optional(),
  to: z.coerce.number().int().min(0).optional(),
  /** Return entries with seq below this (paging backwards from the newest). */
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})
export type AuditQuery = z.infer<typeof AuditQuery>

/** Result of checking the chain. */
export interface AuditVerifyResult {
  ok: boolean
  entries: number
  /** First entry whose hash or link does not match, when broken. */
  firstBroken?: { seq: number; reason: string }
}

/** DELETE /api/me body: the password confirms that the account holder asks. */
export const DeleteAccountRequest = z.strictObject({ password: z.string().min(1).max(128) })
export type DeleteAccountRequest = z.infer<typeof DeleteAccountRequest>

/** Session ids, as path parameters. */
export const SessionId = z.string().regex(/^s_[A-Za-z0-9_-]{8,32}$/)

/** One of the caller's own sessions (GET /api/me/sessions). */
export interface SessionView {
  id: string
  createdAt: number
  lastUsedAt: number
  current: boolean
}

/** Saved plan ids, as path parameters. */
export const PlanId = z.string().regex(/^p_[A-Za-z0-9_-]{8,32}$/)

/** GET /api/customers/:id query: why a member of staff opens a customer record (kept in the audit entry). */
export const CustomerReadQuery = z.strictObject({
  purpose: z.enum(['advice', 'suitability_review', 'complaint', 'oversight']).default('advice'),
})

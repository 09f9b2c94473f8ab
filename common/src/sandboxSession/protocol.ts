/**
 * Shared wealth-sandbox sessions: limits, room messages and HTTP bodies with their zod validators, and the
 * suitability disclosure a customer confirms. The room's schema state is in SandboxState.ts.
 */
import { z } from 'zod'

import { LangSchema, cleanText } from '../messages.ts'
import { SandboxPlanDataSchema } from './planData.ts'

/** Limits of one shared session. */
export const SANDBOX_SESSION = {
  /** Paths every member simulates, so that the same seed and inputs give the same figures on every screen. */
  paths: 2000,
  /** Members including the owner. */
  maxMembers: 6,
  /** Pending proposals in a session, and per author. */
  maxPending: 20,
  maxPendingPerAuthor: 5,
  /** An invite code is valid this long after it was issued. */
  inviteTtlMs: 24 * 60 * 60 * 1000,
  inviteCodeLength: 8,
  /** Wrong invite codes one account may try per hour before it is refused (guessing codes is not a way in). */
  joinAttemptsPerHour: 20,
} as const

/** Invite codes avoid look-alikes (0/O, 1/I/L) so they can be read out over voice. */
export const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

export const SANDBOX_ROLES = ['owner', 'advisor', 'family'] as const
export type SandboxRole = (typeof SANDBOX_ROLES)[number]

/** Shared session ids, as path parameters and join options. */
export const SandboxSessionId = z.string().regex(/^sb_[A-Za-z0-9_-]{8,32}$/)
export const SandboxProposalId = z.string().regex(/^sp_[A-Za-z0-9_-]{8,32}$/)

/** Options of `client.joinOrCreate('sandbox', …)`: only which session; who joins comes from the token. */
export const SandboxJoinOptions = z.strictObject({ sessionId: SandboxSessionId })
export type SandboxJoinOptions = z.infer<typeof SandboxJoinOptions>

/** Client → server messages of the sandbox room. */
export const SB_C2S = {
  /** The owner changes the plan directly. */
  edit: 'sb.edit',
  /** Another member proposes a change for the owner to accept or reject. */
  propose: 'sb.propose',
  /** The owner accepts or rejects a pending proposal. */
  decide: 'sb.decide',
} as const

/** Server → client messages of the sandbox room. */
export const SB_S2C = {
  /** Sent once on joining: who you are in this session. */
  welcome: 'sb.welcome',
  error: 'sb.error',
} as const

export const SbEditMsg = z.strictObject({ data: SandboxPlanDataSchema })
export const SbProposeMsg = z.strictObject({
  data: SandboxPlanDataSchema,
  note: z.string().max(400).transform(cleanText).pipe(z.string().max(200)).optional(),
})
export const SbDecideMsg = z.strictObject({ proposalId: SandboxProposalId, accept: z.boolean() })

/** Validators by message type. */
export const SB_VALIDATORS = {
  [SB_C2S.edit]: SbEditMsg,
  [SB_C2S.propose]: SbProposeMsg,
  [SB_C2S.decide]: SbDecideMsg,
} as const

export interface SbWelcomeMsg {
  sessionId: string
  /** Your pseudonymous member id in this session (never an account id). */
  memberId: string
  role: SandboxRole
}

export const SB_ERRORS = [
  'invalid_message',
  'unknown_message',
  'rate_limited',
  'forbidden',
  'not_found',
  'too_many_proposals',
  'confirmation_required',
  'unchanged',
] as const
export type SbErrorCode = (typeof SB_ERRORS)[number]

export interface SbErrorMsg {
  code: SbErrorCode
  type: string
  message: string
}

/** POST /api/sandbox/sessions: start sharing the plan being edited. */
export const OpenSandboxRequest = z.strictObject({
  name: z.string().max(320).transform(cleanText).pipe(z.string().min(1).max(80)),
  data: SandboxPlanDataSchema,
})
export type OpenSandboxRequest = z.infer<typeof OpenSandboxRequest>

/** A session as its members see it over HTTP. */
export interface SandboxSessionView {
  sessionId: string
  name: string
  role: SandboxRole
  /** Only the owner sees the invite code. */
  inviteCode: string | null
  inviteExpiresAt: number | null
}

/** POST /api/sandbox/join. Codes are case-insensitive and may be typed with spaces or dashes. */
export const JoinSandboxRequest = z.strictObject({
  code: z
    .string()
    .max(40)
    .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
    .pipe(z.string().regex(new RegExp(`^[${INVITE_ALPHABET}]{8}$`), 'not an invite code')),
})
export type JoinSandboxRequest = z.infer<typeof JoinSandboxRequest>

/**
 * The disclosure a customer confirms when a plan is riskier than their category or their questionnaire has expired.
 * Changing the wording means a new version: the server refuses confirmations of an older text.
 */
export const SUITABILITY_DISCLOSURE = {
  version: 1,
  en: 'I have read the risk warning above. I understand that this plan does not match my current risk profile, that it could lose more than I can bear, and that its projections are hypothetical and not guaranteed. I still want to continue, and I know my confirmation is recorded.',
  'zh-CN':
    '我已阅读上述风险提示。我理解该方案与我当前的风险测评结果不匹配，可能产生超出我承受能力的损失，且其预测结果为假设情景、不构成保证。我仍选择继续，并知悉本次确认将被记录。',
} as const

/** POST /api/me/suitability/confirmations: the customer confirms the warning for this plan. */
export const SuitabilityConfirmRequest = z.strictObject({
  data: SandboxPlanDataSchema,
  /** The disclosure version the customer saw; must be the current one. */
  disclosureVersion: z.int().min(1).max(1000),
  /** The language the disclosure was shown in (kept with the record). */
  lang: LangSchema,
})
export type SuitabilityConfirmRequest = z.infer<typeof SuitabilityConfirmRequest>

/** A recorded confirmation (also listed by GET /api/me/suitability/confirmations). */
export interface SuitabilityConfirmationView {
  /** `confirmationKey(check)`: what was confirmed. */
  key: string
  status: 'mismatch' | 'expired'
  risk: string
  category: string | null
  assessedAt: string | null
  confirmedAt: number
}

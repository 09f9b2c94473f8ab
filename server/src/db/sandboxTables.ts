import type { Generated } from 'kysely'

/** A shared sandbox session: one customer's plan that invited members work on together. */
export interface SandboxSessionsTable {
  id: string
  owner_id: string
  name: string
  /** Canonical JSON of SandboxPlanData: the current plan. */
  data: string
  version: number
  /** Upper-case invite code; null once the owner closed the session. */
  invite_code: string | null
  invite_expires_at: number | null
  created_at: number
  updated_at: number
  closed_at: number | null
}

export interface SandboxMembersTable {
  session_id: string
  user_id: string
  /** owner | advisor | family */
  role: string
  joined_at: number
}

export interface SandboxProposalsTable {
  id: string
  session_id: string
  author_id: string
  data: string
  note: string
  /** pending | accepted | rejected */
  status: string
  created_at: number
  decided_at: number | null
}

/** Every change applied to a session's plan, with the suitability it had for the owner at that moment. */
export interface SandboxHistoryTable {
  id: Generated<number>
  session_id: string
  actor_id: string
  proposal_id: string | null
  data: string
  risk: string
  /** suitable | mismatch | expired | missing */
  suitability: string
  category: string | null
  at: number
}

/** A customer's recorded confirmation of a suitability warning (also written to the audit trail). */
export interface SandboxConfirmationsTable {
  id: Generated<number>
  user_id: string
  /** confirmationKey(check): status, risk, category and assessment date. */
  key: string
  status: string
  risk: string
  category: string | null
  assessed_at: string | null
  disclosure_version: number
  lang: string
  at: number
}

/** Table types for shared wealth-sandbox sessions (migration 005_sandbox); merged into `Database` in schema.ts. */
export interface SandboxTables {
  sandbox_sessions: SandboxSessionsTable
  sandbox_members: SandboxMembersTable
  sandbox_proposals: SandboxProposalsTable
  sandbox_history: SandboxHistoryTable
  sandbox_confirmations: SandboxConfirmationsTable
}

import type { Generated, Insertable, Selectable } from 'kysely'

import type { AdvisorTables } from './advisorTables.ts'
import type { EventTables } from './eventTables.ts'
import type { SandboxTables } from './sandboxTables.ts'

/**
 * Table types of the Atrium database. Both dialects store times as milliseconds since the epoch
 * (bigint), booleans as 0/1 integers and JSON as text, so one query layer serves both.
 */
export interface UsersTable {
  id: string
  /** Null once the account is deleted (the id stays as a pseudonym for records the law keeps). */
  login_id: string | null
  display_name: string
  password_hash: string | null
  role: string
  lang: string
  look: number
  disabled: number
  created_at: number
  updated_at: number
  deleted_at: number | null
}

/** A refresh-token family: one sign-in, rotated on every refresh. */
export interface SessionsTable {
  id: string
  user_id: string
  /** SHA-256 of the only refresh token of this family that is still valid. */
  token_hash: string
  generation: number
  created_at: number
  last_used_at: number
  expires_at: number
  ended_at: number | null
  end_reason: string | null
}

/** Consent history: one row per grant or withdrawal; the newest row per purpose is the state. */
export interface ConsentsTable {
  id: Generated<number>
  user_id: string
  purpose: string
  version: number
  granted: number
  at: number
}

export interface ProfilesTable {
  user_id: string
  answers: string
  goals: string
  updated_at: number
}

export interface PlansTable {
  id: string
  user_id: string
  name: string
  data: string
  created_at: number
  updated_at: number
}

/** Append-only, hash-chained; UPDATE and DELETE are refused by triggers in both dialects. */
export interface AuditTable {
  seq: number
  at: number
  actor_id: string
  actor_role: string
  action: string
  subject_id: string | null
  detail: string
  prev_hash: string
  hash: string
}

export interface AuditHeadTable {
  id: number
  seq: number
  hash: string
}

export interface HostConversationsTable {
  id: string
  /** Guest (`g_…`) or account (`u_…`) id: conversations are private to their owner. */
  owner_id: string
  lang: string
  created_at: number
  updated_at: number
}

export interface HostTurnsTable {
  id: Generated<number>
  conversation_id: string
  speaker: 'visitor' | 'host'
  text: string
  kind: string | null
  at: number
}

export interface HandoffsTable {
  reference: string
  conversation_id: string
  visitor_id: string
  visitor_role: string
  /** The HandoffPacket as JSON, frozen at hand-off time (consent is checked then). */
  packet: string
  status: 'open' | 'taken' | 'closed'
  created_at: number
  taken_by: string | null
  taken_at: number | null
}

export interface ComplaintsTable {
  reference: string
  visitor_id: string
  conversation_id: string | null
  text: string
  lang: string
  status: 'open' | 'answered'
  created_at: number
  due_at: number
}

export interface Database extends AdvisorTables, EventTables, SandboxTables {
  users: UsersTable
  sessions: SessionsTable
  consents: ConsentsTable
  profiles: ProfilesTable
  plans: PlansTable
  audit: AuditTable
  audit_head: AuditHeadTable
  host_conversations: HostConversationsTable
  host_turns: HostTurnsTable
  handoffs: HandoffsTable
  complaints: ComplaintsTable
}

export type UserRow = Selectable<UsersTable>
export type NewUser = Insertable<UsersTable>
export type SessionRow = Selectable<SessionsTable>
export type AuditRow = Selectable<AuditTable>

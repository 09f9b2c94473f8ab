import type { Generated } from 'kysely'

/** An advisor's supervisor: the minimal team model (an advisor belongs to at most one team). */
export interface AdvisorTeamsTable {
  advisor_id: string
  supervisor_id: string
  updated_at: number
}

/**
 * "Talk to an advisor now": one row per queue entry, keyed by the hand-off reference it shares with `handoffs`
 * (entries from the menu create a hand-off too, so both paths are one queue and one accept lock).
 */
export interface AdvisorQueueTable {
  reference: string
  visitor_id: string
  topic: string
  lang: string
  source: 'menu' | 'host'
  /** Topics the host detected, JSON array. */
  needs: string
  status: 'waiting' | 'accepted' | 'left'
  enqueued_at: number
  accepted_by: string | null
  accepted_at: number | null
  left_at: number | null
}

/** An advisor passed on a waiting customer; the entry stays for others. */
export interface AdvisorDeclinesTable {
  reference: string
  advisor_id: string
  at: number
}

/** Published availability; `booked_by` is claimed with a conditional UPDATE. */
export interface AdvisorSlotsTable {
  id: string
  advisor_id: string
  starts_at: number
  ends_at: number
  /** JSON array of AdvisorTopic. */
  topics: string
  booked_by: string | null
  withdrawn: number
  created_at: number
}

export interface AdvisorAppointmentsTable {
  id: string
  slot_id: string
  customer_id: string
  advisor_id: string
  topic: string
  /** The customer's IANA zone, for display; times live on the slot, in UTC. */
  time_zone: string
  status: 'booked' | 'cancelled' | 'started' | 'done'
  session_reference: string | null
  created_at: number
  updated_at: number
}

/** One advisory session: its reference names the suite room and the LiveKit room `suite-<reference>`. */
export interface AdvisorySessionsTable {
  reference: string
  source: 'queue' | 'appointment'
  appointment_id: string | null
  customer_id: string
  advisor_id: string
  topic: string
  lang: string
  status: 'active' | 'ended'
  started_at: number
  ended_at: number | null
  sandbox_session_id: string | null
  /** The wall panel as JSON, so a recreated suite room shows what was up. */
  wall: string
  rating: number | null
  rating_comment: string | null
}

export interface AdvisoryParticipantsTable {
  session_reference: string
  user_id: string
  display_name: string
  role: 'customer' | 'advisor' | 'family'
  added_at: number
}

/** Family invites: only the SHA-256 of the code is kept, so a database read does not hand out seats. */
export interface AdvisoryInvitesTable {
  code_hash: string
  session_reference: string
  created_by: string
  created_at: number
  expires_at: number
  used_by: string | null
  used_at: number | null
}

export interface AdvisoryNotesTable {
  id: Generated<number>
  session_reference: string
  author_id: string
  text: string
  at: number
}

export interface AdvisoryFollowupsTable {
  id: string
  session_reference: string
  advisor_id: string
  customer_id: string
  text: string
  due_at: number
  done_at: number | null
  created_at: number
}

/** The summary delivered to the customer's inbox when the advisor ends the session. */
export interface AdvisorySummariesTable {
  session_reference: string
  customer_id: string
  advisor_id: string
  discussed: string
  /** JSON arrays of strings. */
  next_steps: string
  disclosures: string
  created_at: number
}

/** Follow-up state of a complaint (the host's `complaints` row holds the text and the 24 h deadline). */
export interface ComplaintTrackingTable {
  reference: string
  source: 'summary' | 'host' | 'menu'
  session_reference: string | null
  /** The advisor concerned; escalation goes to their supervisor. */
  advisor_id: string | null
  escalated_at: number | null
  escalated_to: string | null
  responded_at: number | null
  responded_by: string | null
  response: string | null
}

/** Table types for live advisors (migration 003_advisors); merged into `Database` in schema.ts. */
export interface AdvisorTables {
  advisor_teams: AdvisorTeamsTable
  advisor_queue: AdvisorQueueTable
  advisor_declines: AdvisorDeclinesTable
  advisor_slots: AdvisorSlotsTable
  advisor_appointments: AdvisorAppointmentsTable
  advisory_sessions: AdvisorySessionsTable
  advisory_participants: AdvisoryParticipantsTable
  advisory_invites: AdvisoryInvitesTable
  advisory_notes: AdvisoryNotesTable
  advisory_followups: AdvisoryFollowupsTable
  advisory_summaries: AdvisorySummariesTable
  complaint_tracking: ComplaintTrackingTable
}

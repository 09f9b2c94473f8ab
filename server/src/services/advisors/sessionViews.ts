import type { AdvisorTopic, AdvisorySessionView } from '@atrium/common'
import type { Selectable } from 'kysely'

import type { AdvisorySessionsTable } from '../../db/advisorTables.ts'
import type { AtriumDb } from '../../db/database.ts'

/** API views of session rows, with every party's display name (one query for all participants). */
export async function sessionViews(
  handle: AtriumDb,
  rows: Selectable<AdvisorySessionsTable>[],
): Promise<AdvisorySessionView[]> {
  if (rows.length === 0) return []
  const refs = rows.map((r) => r.reference)
  const people = await handle.db
    .selectFrom('advisory_participants')
    .select(['session_reference', 'user_id', 'display_name', 'role'])
    .where('session_reference', 'in', refs)
    .orderBy('added_at')
    .execute()
  return rows.map((r) => {
    const mine = people.filter((p) => p.session_reference === r.reference)
    const person = (id: string) => ({ id, displayName: mine.find((p) => p.user_id === id)?.display_name ?? '' })
    return {
      reference: r.reference,
      source: r.source,
      topic: r.topic as AdvisorTopic,
      status: r.status,
      startedAt: r.started_at,
      endedAt: r.ended_at,
      customer: person(r.customer_id),
      advisor: person(r.advisor_id),
      participants: mine.map((p) => ({ id: p.user_id, displayName: p.display_name, role: p.role })),
      sandboxSessionId: r.sandbox_session_id,
      rating: r.rating,
    }
  })
}

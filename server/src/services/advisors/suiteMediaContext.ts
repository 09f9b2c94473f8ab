import type { AtriumDb } from '../../db/database.ts'
import type { PolicyContext } from '../../policy/policy.ts'

/**
 * The media policy context of an advisory session's suite (`suite-<reference>`): its customer, its advisor and
 * everyone admitted (an invited family member), while the session runs. An ended session has no parties, so its media
 * room refuses everyone alike. Undefined when the reference names no advisory session (a bare hand-off).
 */
export async function suiteMediaContext(handle: AtriumDb, reference: string): Promise<PolicyContext | undefined> {
  const session = await handle.db
    .selectFrom('advisory_sessions')
    .select(['customer_id', 'advisor_id', 'status'])
    .where('reference', '=', reference)
    .executeTakeFirst()
  if (!session) return undefined
  if (session.status !== 'active') return { mediaRoom: 'suite', takenBy: null }
  const people = await handle.db
    .selectFrom('advisory_participants')
    .select('user_id')
    .where('session_reference', '=', reference)
    .execute()
  return {
    mediaRoom: 'suite',
    ownerId: session.customer_id,
    takenBy: session.advisor_id,
    participants: people.map((p) => p.user_id),
  }
}

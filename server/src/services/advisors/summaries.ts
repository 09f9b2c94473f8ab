import type { SummaryView } from '@atrium/common'

import type { AtriumDb } from '../../db/database.ts'

/** Session summaries with the advisor's name and the rating, newest first. */
export async function summaries(
  handle: AtriumDb,
  f: { reference?: string; customerId?: string },
): Promise<SummaryView[]> {
  let q = handle.db
    .selectFrom('advisory_summaries as m')
    .innerJoin('advisory_sessions as s', 's.reference', 'm.session_reference')
    .leftJoin('users as u', 'u.id', 'm.advisor_id')
    .select([
      'm.session_reference',
      'm.discussed',
      'm.next_steps',
      'm.disclosures',
      'm.created_at',
      's.rating',
      'u.display_name',
    ])
  if (f.reference) q = q.where('m.session_reference', '=', f.reference)
  if (f.customerId) q = q.where('m.customer_id', '=', f.customerId)
  const rows = await q.orderBy('m.created_at', 'desc').limit(100).execute()
  return rows.map((r) => ({
    sessionReference: r.session_reference,
    advisorName: r.display_name ?? '',
    discussed: r.discussed,
    nextSteps: JSON.parse(r.next_steps) as string[],
    disclosures: JSON.parse(r.disclosures) as string[],
    createdAt: r.created_at,
    rating: r.rating,
  }))
}

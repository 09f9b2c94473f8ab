import type { AtriumDb } from '../../db/database.ts'

/** Waiting queue entries whose hand-off is still open (one taken through the desk's staff tab is no longer waiting). */
export function waitingEntries(handle: AtriumDb) {
  return handle.db
    .selectFrom('advisor_queue as q')
    .where('q.status', '=', 'waiting')
    .where('q.reference', 'in', (eb) => eb.selectFrom('handoffs').select('reference').where('status', '=', 'open'))
}

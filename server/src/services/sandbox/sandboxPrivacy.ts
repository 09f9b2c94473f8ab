import type { SandboxDataExport } from '@atrium/common'

import type { AtriumDb } from '../../db/database.ts'
import type { PrivacySection } from '../privacy/PrivacyService.ts'
import type { PlanChanges } from './PlanChanges.ts'
import type { SuitabilityRecords } from './SuitabilityRecords.ts'

/**
 * The shared sandbox in a person's data export and erasure. Erasure removes the sessions they own (with their
 * members, proposals and history), their own proposals and memberships elsewhere, and their confirmation rows; the
 * audit trail keeps what it recorded under the pseudonymous id.
 */
export function sandboxPrivacy(handle: AtriumDb, changes: PlanChanges, records: SuitabilityRecords): PrivacySection {
  const db = handle.db
  return {
    async export(userId) {
      const owned = db.selectFrom('sandbox_sessions').select('id').where('owner_id', '=', userId)
      const [sessions, proposals, history, confirmations] = await Promise.all([
        db
          .selectFrom('sandbox_members as m')
          .innerJoin('sandbox_sessions as s', 's.id', 'm.session_id')
          .select(['s.id', 's.owner_id', 's.name', 's.data', 's.created_at', 's.closed_at', 'm.role'])
          .where('m.user_id', '=', userId)
          .orderBy('s.created_at')
          .execute(),
        db.selectFrom('sandbox_proposals').selectAll().where('author_id', '=', userId).orderBy('created_at').execute(),
        db.selectFrom('sandbox_history').selectAll().where('session_id', 'in', owned).orderBy('id').execute(),
        db.selectFrom('sandbox_confirmations').selectAll().where('user_id', '=', userId).orderBy('id').execute(),
      ])
      const sandbox: SandboxDataExport = {
        sessions: sessions.map((s) => ({
          id: s.id,
          role: s.role,
          name: s.name,
          plan: s.owner_id === userId ? s.data : null,
          createdAt: s.created_at,
          closedAt: s.closed_at,
        })),
        proposals: proposals.map((p) => ({
          id: p.id,
          sessionId: p.session_id,
          plan: p.data,
          note: p.note,
          status: p.status,
          createdAt: p.created_at,
        })),
        changes: history.map((h) => ({
          sessionId: h.session_id,
          actorId: h.actor_id,
          plan: h.data,
          risk: h.risk,
          suitability: h.suitability,
          at: h.at,
        })),
        confirmations: confirmations.map((c) => ({
          status: c.status,
          risk: c.risk,
          category: c.category,
          disclosureVersion: c.disclosure_version,
          at: c.at,
        })),
      }
      return { sandbox }
    },
    async erase(userId, trx) {
      await changes.eraseFor(userId, trx)
      await records.eraseFor(userId, trx)
    },
  }
}

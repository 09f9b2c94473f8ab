import {
  CONSENT_PURPOSES,
  CONSENT_TEXTS,
  type ConsentPurpose,
  type ConsentRequest,
  type ConsentState,
} from '@atrium/common'
import type { Kysely, Transaction } from 'kysely'

import type { AtriumDb } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import type { Actor, AuditLog } from '../audit/AuditLog.ts'

/** Granting an outdated text version is refused: the customer must see the current wording. */
export class StaleConsentError extends Error {
  constructor(readonly current: number) {
    super(`consent text has changed; current version is ${current}`)
  }
}

/**
 * Purpose-specific consent (PIPL). Every grant and withdrawal is a new row and an audit entry;
 * the newest row per purpose is the state, and only grants of the current text version count.
 */
export class ConsentService {
  constructor(
    private readonly handle: AtriumDb,
    private readonly audit: AuditLog,
  ) {}

  async state(userId: string, db: Kysely<Database> | Transaction<Database> = this.handle.db): Promise<ConsentState[]> {
    const rows = await db
      .selectFrom('consents')
      .select(['purpose', 'granted', 'version', 'at', 'id'])
      .where('user_id', '=', userId)
      .orderBy('id', 'desc')
      .execute()
    return CONSENT_PURPOSES.map((purpose) => {
      const last = rows.find((r) => r.purpose === purpose)
      const currentVersion = CONSENT_TEXTS[purpose].version
      return {
        purpose,
        granted: !!last && last.granted === 1 && last.version === currentVersion,
        version: last?.version ?? null,
        currentVersion,
        updatedAt: last?.at ?? null,
      }
    })
  }

  /** The purposes currently granted, for policy decisions. */
  async granted(userId: string): Promise<Set<ConsentPurpose>> {
    return new Set((await this.state(userId)).filter((c) => c.granted).map((c) => c.purpose))
  }

  /** Records a grant or withdrawal; effective for every later check at once. */
  async set(who: Actor, req: ConsentRequest): Promise<ConsentState[]> {
    const current = CONSENT_TEXTS[req.purpose].version
    if (req.granted && req.version !== current) throw new StaleConsentError(current)
    return this.handle.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('consents')
        .values({
          user_id: who.id,
          purpose: req.purpose,
          version: req.version,
          granted: req.granted ? 1 : 0,
          at: Date.now(),
        })
        .execute()
      await this.audit.append(
        {
          actor: who,
          action: req.granted ? 'consent.granted' : 'consent.withdrawn',
          subjectId: who.id,
          detail: { purpose: req.purpose, version: req.version },
        },
        trx,
      )
      return this.state(who.id, trx)
    })
  }

  /** Full history, for the data export. */
  history(userId: string) {
    return this.handle.db
      .selectFrom('consents')
      .select(['purpose', 'granted', 'version', 'at'])
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute()
  }
}

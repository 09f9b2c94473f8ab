import type { InviteView, TokenClaims } from '@atrium/common'

import type { AtriumDb } from '../../db/database.ts'
import { authorize, type Principal } from '../../policy/policy.ts'
import type { AuditLog } from '../audit/AuditLog.ts'
import { AdvisorError, notFound } from './AdvisorError.ts'
import type { AdvisorySessions } from './AdvisorySessions.ts'
import { hashCode, readableCode } from './ids.ts'

/** An invite admits one person and lapses after this long. */
export const INVITE_TTL_MS = 2 * 60 * 60_000
/** Family seats per suite: a conversation, not an audience. */
export const MAX_FAMILY = 3

/**
 * The customer invites a family member into their suite with a code read out or sent privately. Redeeming is a
 * conditional UPDATE on the unused invite, so one code admits one person.
 */
export class SuiteInvites {
  constructor(
    private readonly handle: AtriumDb,
    private readonly sessions: AdvisorySessions,
    private readonly audit: AuditLog,
  ) {}

  async create(who: Principal, reference: string): Promise<InviteView> {
    authorize(who, 'advisor.request')
    const parties = await this.sessions.parties(reference)
    if (!parties || parties.customerId !== who.id || !parties.active) throw notFound('session')
    if (parties.participants.filter((p) => p.role === 'family').length >= MAX_FAMILY)
      throw new AdvisorError(409, 'suite_full', `at most ${MAX_FAMILY} family members`)
    const code = readableCode()
    const now = Date.now()
    const expiresAt = now + INVITE_TTL_MS
    await this.handle.db
      .insertInto('advisory_invites')
      .values({
        code_hash: hashCode(code),
        session_reference: reference,
        created_by: who.id,
        created_at: now,
        expires_at: expiresAt,
        used_by: null,
        used_at: null,
      })
      .execute()
    await this.audit.append({ actor: who, action: 'advisory.invited', subjectId: who.id, detail: { reference } })
    return { code, expiresAt }
  }

  /** Admits the caller (a guest or an account) to the invite's session; returns its reference. */
  async redeem(caller: TokenClaims, code: string): Promise<string> {
    const hash = hashCode(code)
    const now = Date.now()
    return this.handle.db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('advisory_invites')
        .set({ used_by: caller.id, used_at: now })
        .where('code_hash', '=', hash)
        .where('used_by', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst()
      if (Number(r.numUpdatedRows) === 0) throw notFound('invite')
      const invite = await trx
        .selectFrom('advisory_invites')
        .select('session_reference')
        .where('code_hash', '=', hash)
        .executeTakeFirstOrThrow()
      const parties = await this.sessions.parties(invite.session_reference, trx)
      if (!parties?.active) throw notFound('invite')
      await trx
        .insertInto('advisory_participants')
        .values({
          session_reference: invite.session_reference,
          user_id: caller.id,
          display_name: caller.name,
          role: 'family',
          added_at: now,
        })
        .onConflict((oc) => oc.columns(['session_reference', 'user_id']).doNothing())
        .execute()
      return invite.session_reference
    })
  }
}

import type { SuiteWallMsg, TokenClaims } from '@atrium/common'

import type { AtriumDb } from '../../db/database.ts'
import { decide, Forbidden } from '../../policy/policy.ts'
import type { AdvisorySessions, SuiteParties } from './AdvisorySessions.ts'

/** The wall of a new session: nothing up. */
export const EMPTY_WALL: SuiteWallMsg = { kind: 'none', title: '', page: 1 }

/**
 * What the suite room asks of the advisory services: who may enter, and what is on the wall (kept with the session,
 * so a suite room recreated in another process shows what was up).
 */
export class SuiteHost {
  constructor(
    private readonly handle: AtriumDb,
    private readonly sessions: AdvisorySessions,
  ) {}

  /** The session's parties when `who` is one of them and it still runs; Forbidden otherwise (unknown alike). */
  async admit(who: TokenClaims, reference: string): Promise<SuiteParties> {
    const parties = await this.sessions.parties(reference)
    const decision = decide(who, 'suite.enter', { participants: parties?.participants.map((p) => p.id) ?? [] })
    if (!parties || !decision.allow) throw new Forbidden(decision.reason)
    if (!parties.active) throw new Forbidden('session_ended')
    return parties
  }

  /** Whether `who` is still admitted (an ended session stops wall changes at once). */
  async isParty(who: string, reference: string): Promise<boolean> {
    const parties = await this.sessions.parties(reference)
    return !!parties?.active && parties.participants.some((p) => p.id === who)
  }

  /** The wall panel as last put up. */
  async wall(reference: string): Promise<SuiteWallMsg> {
    const row = await this.handle.db
      .selectFrom('advisory_sessions')
      .select('wall')
      .where('reference', '=', reference)
      .executeTakeFirst()
    return row ? (JSON.parse(row.wall) as SuiteWallMsg) : EMPTY_WALL
  }

  async putOnWall(reference: string, wall: SuiteWallMsg): Promise<void> {
    await this.handle.db
      .updateTable('advisory_sessions')
      .set({ wall: JSON.stringify(wall) })
      .where('reference', '=', reference)
      .where('status', '=', 'active')
      .execute()
  }

  /** The shared sandbox session on the table, when the sandbox offered one. */
  async sandboxSessionId(reference: string): Promise<string | null> {
    const row = await this.handle.db
      .selectFrom('advisory_sessions')
      .select('sandbox_session_id')
      .where('reference', '=', reference)
      .executeTakeFirst()
    return row?.sandbox_session_id ?? null
  }
}

import { createHash, randomBytes } from 'node:crypto'

import { SESSION } from '@atrium/common'
import type { Presence } from '@colyseus/core'
import type { Transaction } from 'kysely'

import type { AtriumDb } from '../../db/database.ts'
import type { Database, UserRow } from '../../db/schema.ts'
import type { Actor, AuditLog } from '../audit/AuditLog.ts'
import { newId } from '../tokens.ts'

/** Presence channel on which revocations reach rooms in every process. */
export const REVOKED_CHANNEL = 'atrium:revoked'

/** Published on REVOKED_CHANNEL: end these sessions (or every session of the user). */
export interface RevokedMessage {
  userId: string
  sid?: string
}

export type EndReason =
  'logout' | 'refresh_reuse' | 'expired' | 'idle' | 'revoked' | 'disabled' | 'deleted' | 'role_changed'

/** Why a refresh was refused; the HTTP layer answers 401 with this code. */
export class SessionError extends Error {
  constructor(readonly code: 'session_expired' | 'session_invalid' | 'refresh_reuse') {
    super(code)
  }
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

/**
 * Refresh-token families. Each sign-in is a family with exactly one valid refresh token, replaced
 * on every refresh; presenting any earlier token of the family means it was copied, so the whole
 * family ends. Idle (30 min) and absolute (12 h) limits are checked on refresh and on every request.
 */
export class SessionService {
  constructor(
    private readonly handle: AtriumDb,
    private readonly audit: AuditLog,
    private readonly presence: Presence,
  ) {}

  /** Starts a family for a freshly authenticated user; returns the session id and refresh token. */
  async start(user: UserRow, trx?: Transaction<Database>): Promise<{ sid: string; refreshToken: string }> {
    const sid = newId('s')
    const refreshToken = `${sid}.${randomBytes(32).toString('base64url')}`
    const now = Date.now()
    await (trx ?? this.handle.db)
      .insertInto('sessions')
      .values({
        id: sid,
        user_id: user.id,
        token_hash: sha256(refreshToken),
        generation: 0,
        created_at: now,
        last_used_at: now,
        expires_at: now + SESSION.absoluteLifetime * 1000,
        ended_at: null,
        end_reason: null,
      })
      .execute()
    return { sid, refreshToken }
  }

  /** Exchanges a refresh token for a new one; throws SessionError when it may not. */
  async rotate(refreshToken: string): Promise<{ sid: string; userId: string; refreshToken: string }> {
    const sid = refreshToken.split('.')[0] ?? ''
    const { db } = this.handle
    const row = await db.selectFrom('sessions').selectAll().where('id', '=', sid).executeTakeFirst()
    if (!row || row.ended_at !== null) throw new SessionError('session_expired')
    const hash = sha256(refreshToken)
    if (hash !== row.token_hash) {
      await this.reuseDetected(row.id, row.user_id, row.generation)
      throw new SessionError('refresh_reuse')
    }
    const now = Date.now()
    if (now >= row.expires_at) return this.endAndThrow(row.id, 'expired')
    if (now - row.last_used_at > SESSION.idleTimeout * 1000) return this.endAndThrow(row.id, 'idle')
    const next = `${sid}.${randomBytes(32).toString('base64url')}`
    // compare-and-swap on the old hash: two concurrent refreshes with one token cannot both win
    const updated = await db
      .updateTable('sessions')
      .set({ token_hash: sha256(next), generation: row.generation + 1, last_used_at: now })
      .where('id', '=', sid)
      .where('token_hash', '=', hash)
      .where('ended_at', 'is', null)
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) {
      await this.reuseDetected(row.id, row.user_id, row.generation)
      throw new SessionError('refresh_reuse')
    }
    return { sid, userId: row.user_id, refreshToken: next }
  }

  private async endAndThrow(sid: string, reason: EndReason): Promise<never> {
    await this.handle.db
      .updateTable('sessions')
      .set({ ended_at: Date.now(), end_reason: reason })
      .where('id', '=', sid)
      .where('ended_at', 'is', null)
      .execute()
    throw new SessionError('session_expired')
  }

  private async reuseDetected(sid: string, userId: string, generation: number): Promise<void> {
    await this.handle.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('sessions')
        .set({ ended_at: Date.now(), end_reason: 'refresh_reuse' })
        .where('id', '=', sid)
        .where('ended_at', 'is', null)
        .execute()
      await this.audit.append(
        {
          actor: { id: userId, role: 'system' },
          action: 'auth.refresh_reuse',
          subjectId: userId,
          detail: { sid, generation },
        },
        trx,
      )
    })
    await this.announce({ userId, sid })
  }

  /**
   * Checks that an access token's session is still live and marks it used. Returns false when the
   * session ended, went idle or outlived its absolute lifetime.
   */
  async check(sid: string, userId: string): Promise<boolean> {
    const row = await this.handle.db
      .selectFrom('sessions')
      .select(['user_id', 'last_used_at', 'expires_at', 'ended_at'])
      .where('id', '=', sid)
      .executeTakeFirst()
    if (!row || row.user_id !== userId || row.ended_at !== null) return false
    const now = Date.now()
    if (now >= row.expires_at || now - row.last_used_at > SESSION.idleTimeout * 1000) return false
    // at most one write a minute per session keeps reads cheap
    if (now - row.last_used_at > 60_000) {
      await this.handle.db.updateTable('sessions').set({ last_used_at: now }).where('id', '=', sid).execute()
    }
    return true
  }

  /** Ends one live session of the user (sign-out, or signing out another device); false when none matched. */
  async end(
    sid: string,
    userId: string,
    reason: EndReason,
    actor: Actor,
    trx?: Transaction<Database>,
  ): Promise<boolean> {
    const run = async (t: Transaction<Database>) => {
      const r = await t
        .updateTable('sessions')
        .set({ ended_at: Date.now(), end_reason: reason })
        .where('id', '=', sid)
        .where('user_id', '=', userId)
        .where('ended_at', 'is', null)
        .executeTakeFirst()
      const ended = Number(r.numUpdatedRows) > 0
      if (ended && reason !== 'logout') {
        await this.audit.append({ actor, action: 'session.revoked', subjectId: userId, detail: { sid, reason } }, t)
      }
      return ended
    }
    const ended = trx ? await run(trx) : await this.handle.db.transaction().execute(run)
    if (ended) await this.announce({ userId, sid })
    return ended
  }

  /** Ends every live session of a user; returns how many ended. */
  async endAll(userId: string, reason: EndReason, actor: Actor, trx?: Transaction<Database>): Promise<number> {
    const run = async (t: Transaction<Database>) => {
      const r = await t
        .updateTable('sessions')
        .set({ ended_at: Date.now(), end_reason: reason })
        .where('user_id', '=', userId)
        .where('ended_at', 'is', null)
        .executeTakeFirst()
      const n = Number(r.numUpdatedRows)
      await this.audit.append(
        { actor, action: 'session.revoked', subjectId: userId, detail: { all: true, reason, count: n } },
        t,
      )
      return n
    }
    const n = trx ? await run(trx) : await this.handle.db.transaction().execute(run)
    await this.announce({ userId })
    return n
  }

  /** The user's sessions, newest first. */
  list(userId: string) {
    return this.handle.db
      .selectFrom('sessions')
      .select(['id', 'created_at', 'last_used_at', 'ended_at', 'end_reason'])
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .limit(200)
      .execute()
  }

  /** Tells rooms in every process to drop the revoked connections. */
  private async announce(msg: RevokedMessage): Promise<void> {
    await this.presence.publish(REVOKED_CHANNEL, msg)
  }
}

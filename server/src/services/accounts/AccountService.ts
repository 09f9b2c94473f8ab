import {
  packLook,
  type AccountView,
  type CreateStaffRequest,
  type RegisterRequest,
  type Role,
  type UpdateMeRequest,
  type UserListQuery,
} from '@atrium/common'
import type { Transaction } from 'kysely'

import type { AtriumDb } from '../../db/database.ts'
import type { Database, UserRow } from '../../db/schema.ts'
import type { Actor, AuditLog } from '../audit/AuditLog.ts'
import { newId } from '../tokens.ts'
import { decoyHash, hashPassword, verifyPassword, type ScryptParams } from './passwords.ts'
import type { SessionService } from './SessionService.ts'

/** A refused account operation; the HTTP layer maps the code to a status. */
export class AccountError extends Error {
  constructor(
    readonly code: 'login_taken' | 'invalid_credentials' | 'account_disabled' | 'not_found' | 'invalid_change',
    message: string,
  ) {
    super(message)
  }
}

/** Shown in place of a deleted person's name in records the law requires us to keep. */
export const DELETED_NAME = '—'

export function accountView(u: UserRow): AccountView {
  return {
    id: u.id,
    displayName: u.display_name,
    role: u.role as AccountView['role'],
    lang: u.lang as AccountView['lang'],
    look: u.look,
    loginId: u.login_id ?? '',
    createdAt: u.created_at,
    disabled: u.disabled === 1,
  }
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string }
  return err.code === '23505' || err.code === 'SQLITE_CONSTRAINT_UNIQUE'
}

/** Accounts: registration, staff creation, sign-in checks, changes. Sessions live in SessionService. */
export class AccountService {
  private decoy: Promise<string> | undefined

  constructor(
    private readonly handle: AtriumDb,
    private readonly audit: AuditLog,
    private readonly scrypt: ScryptParams,
    private readonly sessions: SessionService,
  ) {}

  get(id: string, trx?: Transaction<Database>): Promise<UserRow | undefined> {
    return (trx ?? this.handle.db).selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
  }

  /** Creates an account; the audit entry commits with it. */
  async create(
    input: {
      displayName: string
      loginId: string
      password: string
      role: Exclude<Role, 'guest'>
      lang: string
      look: number
    },
    actor: Actor | 'self',
    after?: (user: UserRow, trx: Transaction<Database>) => Promise<void>,
  ): Promise<UserRow> {
    const passwordHash = await hashPassword(input.password, this.scrypt)
    const now = Date.now()
    const user: UserRow = {
      id: newId('u'),
      login_id: input.loginId,
      display_name: input.displayName,
      password_hash: passwordHash,
      role: input.role,
      lang: input.lang,
      look: input.look,
      disabled: 0,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    }
    try {
      await this.handle.db.transaction().execute(async (trx) => {
        await trx.insertInto('users').values(user).execute()
        const who = actor === 'self' ? { id: user.id, role: user.role as Role } : actor
        await this.audit.append(
          {
            actor: who,
            action: actor === 'self' ? 'auth.register' : 'account.created',
            subjectId: user.id,
            detail: { role: user.role },
          },
          trx,
        )
        await after?.(user, trx)
      })
    } catch (e) {
      if (isUniqueViolation(e)) throw new AccountError('login_taken', 'an account with this login id already exists')
      throw e
    }
    return user
  }

  register(req: RegisterRequest, after?: (user: UserRow, trx: Transaction<Database>) => Promise<void>) {
    const look = req.look ? packLook(req.look.color, req.look.shape) : 0
    return this.create({ ...req, role: 'customer', look }, 'self', after)
  }

  createStaff(req: CreateStaffRequest, actor: Actor): Promise<UserRow> {
    return this.create({ ...req, look: 0 }, actor)
  }

  /**
   * Checks a login id and password. Unknown ids are checked against a decoy hash so that the
   * answer takes as long either way; the caller records failures and applies back-off.
   */
  async authenticate(loginId: string, password: string): Promise<UserRow> {
    const user = await this.handle.db.selectFrom('users').selectAll().where('login_id', '=', loginId).executeTakeFirst()
    if (!user?.password_hash) {
      this.decoy ??= decoyHash(this.scrypt)
      await verifyPassword(password, await this.decoy)
      throw new AccountError('invalid_credentials', 'login id or password is wrong')
    }
    if (!(await verifyPassword(password, user.password_hash))) {
      throw new AccountError('invalid_credentials', 'login id or password is wrong')
    }
    if (user.disabled === 1) throw new AccountError('account_disabled', 'this account is disabled')
    return user
  }

  /** Confirms the password of a signed-in user (for deletion). */
  async confirmPassword(userId: string, password: string): Promise<void> {
    const user = await this.get(userId)
    if (!user?.password_hash || !(await verifyPassword(password, user.password_hash))) {
      throw new AccountError('invalid_credentials', 'the password is wrong')
    }
  }

  async updateSelf(who: Actor, patch: UpdateMeRequest): Promise<UserRow> {
    const userId = who.id
    const set: Partial<UserRow> = { updated_at: Date.now() }
    if (patch.displayName !== undefined) set.display_name = patch.displayName
    if (patch.lang !== undefined) set.lang = patch.lang
    if (patch.look !== undefined) set.look = packLook(patch.look.color, patch.look.shape)
    await this.handle.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set(set).where('id', '=', userId).execute()
      const fields = Object.keys(patch).sort()
      await this.audit.append({ actor: who, action: 'account.updated', subjectId: userId, detail: { fields } }, trx)
    })
    const user = await this.get(userId)
    if (!user) throw new AccountError('not_found', 'no such account')
    return user
  }

  /**
   * Admin change of role or disabled flag, audited. Either change ends the account's sessions in
   * the same transaction: new tokens must carry the new role, and a disabled account has none.
   */
  async adminUpdate(id: string, patch: { role?: Role; disabled?: boolean }, actor: Actor): Promise<UserRow> {
    await this.handle.db.transaction().execute(async (trx) => {
      const user = await this.get(id, trx)
      if (!user || user.deleted_at !== null) throw new AccountError('not_found', 'no such account')
      if (patch.role !== undefined && user.role === 'customer') {
        throw new AccountError('invalid_change', 'customers cannot be given staff roles; create a staff account')
      }
      if (user.id === actor.id) throw new AccountError('invalid_change', 'admins cannot change their own account here')
      const now = Date.now()
      if (patch.role !== undefined && patch.role !== user.role) {
        await trx.updateTable('users').set({ role: patch.role, updated_at: now }).where('id', '=', id).execute()
        await this.audit.append(
          { actor, action: 'account.role_changed', subjectId: id, detail: { from: user.role, to: patch.role } },
          trx,
        )
        await this.sessions.endAll(id, 'role_changed', actor, trx)
      }
      if (patch.disabled !== undefined && patch.disabled !== (user.disabled === 1)) {
        await trx
          .updateTable('users')
          .set({ disabled: patch.disabled ? 1 : 0, updated_at: now })
          .where('id', '=', id)
          .execute()
        await this.audit.append(
          { actor, action: patch.disabled ? 'account.disabled' : 'account.enabled', subjectId: id },
          trx,
        )
        if (patch.disabled) await this.sessions.endAll(id, 'disabled', actor, trx)
      }
    })
    const updated = await this.get(id)
    if (!updated) throw new AccountError('not_found', 'no such account')
    return updated
  }

  async list(q: UserListQuery): Promise<{ users: UserRow[]; total: number }> {
    let s = this.handle.db.selectFrom('users').where('deleted_at', 'is', null)
    if (q.role) s = s.where('role', '=', q.role)
    if (q.q) {
      // wildcards are dropped rather than escaped: SQLite and PostgreSQL escape LIKE differently
      const like = `%${q.q.replace(/[\\%_]/g, '')}%`
      s = s.where((eb) =>
        eb.or([eb('display_name', 'like', like), eb('login_id', 'like', like), eb('id', '=', q.q ?? '')]),
      )
    }
    const [users, count] = await Promise.all([
      s.selectAll().orderBy('created_at', 'desc').limit(q.limit).offset(q.offset).execute(),
      s.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ])
    return { users, total: Number(count?.n ?? 0) }
  }

  /** Number of accounts (demo seeding runs only on an empty database). */
  async count(): Promise<number> {
    const r = await this.handle.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst()
    return Number(r?.n ?? 0)
  }
}

import { z } from 'zod'

import { cleanText, DisplayName, LangSchema, LookSchema } from './messages.ts'

/** Every role of the branch. Guests carry no personal data and have no account row. */
export const ROLES = ['guest', 'customer', 'advisor', 'educator', 'compliance', 'admin'] as const
export type Role = (typeof ROLES)[number]
export const RoleSchema = z.enum(ROLES)

/** Roles an admin creates; customers register themselves. */
export const STAFF_ROLES = ['advisor', 'educator', 'compliance', 'admin'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]
export const StaffRoleSchema = z.enum(STAFF_ROLES)

/** Session lifetimes (seconds). */
export const SESSION = {
  accessTtl: 15 * 60,
  idleTimeout: 30 * 60,
  absoluteLifetime: 12 * 60 * 60,
  guestTtl: 4 * 60 * 60,
} as const

/** Account ids are pseudonymous: `u_` plus random characters, never derived from personal data. */
export const AccountId = z.string().regex(/^u_[A-Za-z0-9_-]{8,32}$/, 'not an account id')

// eslint-disable-next-line no-control-regex
const EMAIL = /^[^\s@<>()[\]\\,;:"\u0000-\u001f\u007f]{1,64}@[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63})+$/
const PHONE = /^\+?[0-9]{6,15}$/

/**
 * A login id: an email address or a phone number. Emails are lower-cased; spaces and dashes
 * are dropped from phone numbers so "138-0000-0000" and "13800000000" are the same account.
 */
export const LoginId = z
  .string()
  .max(254)
  .transform((s) => s.trim())
  .transform((s) => (s.includes('@') ? s.toLowerCase() : s.replace(/[\s-]/g, '')))
  .refine((s) => EMAIL.test(s) || PHONE.test(s), 'enter an email address or a phone number')

/** Passwords: long enough to resist guessing, bounded so hashing cost is bounded. */
export const Password = z.string().min(10, 'at least 10 characters').max(128)

export const RegisterRequest = z.strictObject({
  displayName: DisplayName,
  loginId: LoginId,
  password: Password,
  lang: LangSchema,
  look: LookSchema.optional(),
})
export type RegisterRequest = z.infer<typeof RegisterRequest>

export const LoginRequest = z.strictObject({ loginId: LoginId, password: z.string().min(1).max(128) })
export type LoginRequest = z.infer<typeof LoginRequest>

/** What a signed-in person may change about themselves (never their role). */
export const UpdateMeRequest = z
  .strictObject({ displayName: DisplayName.optional(), lang: LangSchema.optional(), look: LookSchema.optional() })
  .refine((v) => Object.keys(v).length > 0, 'nothing to change')
export type UpdateMeRequest = z.infer<typeof UpdateMeRequest>

export const CreateStaffRequest = z.strictObject({
  displayName: DisplayName,
  loginId: LoginId,
  password: Password,
  role: StaffRoleSchema,
  lang: LangSchema.default('zh-CN'),
})
export type CreateStaffRequest = z.infer<typeof CreateStaffRequest>

/** Admin changes to an account. Customers cannot be promoted to staff here (staff are created). */
export const AdminUpdateUserRequest = z
  .strictObject({ role: StaffRoleSchema.optional(), disabled: z.boolean().optional() })
  .refine((v) => v.role !== undefined || v.disabled !== undefined, 'nothing to change')
export type AdminUpdateUserRequest = z.infer<typeof AdminUpdateUserRequest>

/** The signed-in person as the client sees them. */
export interface AccountView {
  id: string
  displayName: string
  role: Exclude<Role, 'guest'>
  lang: z.infer<typeof LangSchema>
  look: number
  /** Only ever returned to the account holder and, audited, to admins. */
  loginId: string
  createdAt: number
  disabled: boolean
}

/** POST /api/auth/login, /register and /refresh response (the refresh token travels as a cookie). */
export interface SessionResponse {
  accessToken: string
  /** Access token expiry, ms since epoch. */
  expiresAt: number
  user: AccountView
}

/** Admin listing row: account metadata only, never customer financial data. */
export type UserSummary = AccountView

/** Query for GET /api/admin/users. */
export const UserListQuery = z.strictObject({
  role: RoleSchema.exclude(['guest']).optional(),
  q: z.string().max(64).transform(cleanText).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
})
export type UserListQuery = z.infer<typeof UserListQuery>

/** Body of POSTs that carry no data (refresh, logout, revoke): must be exactly `{}`. */
export const EmptyBody = z.strictObject({})

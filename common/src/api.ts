import { z } from 'zod'

import type { Role } from './accounts.ts'
import { DisplayName, LangSchema, LookSchema } from './messages.ts'

/** POST /api/guest body: what a visitor chooses on the join screen. */
export const GuestRequest = z.strictObject({ name: DisplayName, look: LookSchema, lang: LangSchema })
export type GuestRequest = z.infer<typeof GuestRequest>

/** POST /api/guest response. */
export interface GuestResponse {
  token: string
  /** Pseudonymous id that will appear in rooms. */
  id: string
  expiresAt: number
}

/** Claims carried by a server-signed session token. */
export interface TokenClaims {
  id: string
  name: string
  look: number
  lang: z.infer<typeof LangSchema>
  role: Role
  /** Session (refresh family) id; absent for guests, who have no session row. */
  sid?: string
}

/** The one error shape of every HTTP endpoint. */
export interface ApiError {
  error: { code: string; message: string; issues?: { path: string; message: string }[] }
}

/** GET /api/config response: what the client needs before joining. */
export interface ClientConfig {
  maxClients: number
  version: string
  /** True in development, where demo accounts exist. */
  demo: boolean
  /** The LiveKit server for voice and video; null when none is running (the UI says so). */
  media?: { url: string } | null
}

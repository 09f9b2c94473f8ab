import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { LangSchema, type TokenClaims } from '@atrium/common'
import { jwtVerify, SignJWT } from 'jose'
import { z } from 'zod'

const ISSUER = 'atrium'
const AUDIENCE = 'atrium-rooms'
/** Guest sessions last a visit; accounts (a later layer) replace them behind this interface. */
const GUEST_TTL_SECONDS = 4 * 60 * 60

const Claims = z.object({
  sub: z.string().min(1).max(64),
  name: z.string().min(1).max(64),
  look: z.number().int().min(0).max(255),
  lang: LangSchema,
  role: z.literal('guest'),
})

/** Signs and verifies session tokens. One instance per process; all processes share the secret. */
export class TokenService {
  private readonly key: Uint8Array

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret)
  }

  /** Issues a guest token and returns it with its expiry (ms since epoch). */
  async issueGuest(claims: Omit<TokenClaims, 'role'>): Promise<{ token: string; expiresAt: number }> {
    const exp = Math.floor(Date.now() / 1000) + GUEST_TTL_SECONDS
    const token = await new SignJWT({ name: claims.name, look: claims.look, lang: claims.lang, role: 'guest' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(exp)
      .sign(this.key)
    return { token, expiresAt: exp * 1000 }
  }

  /** Verifies a token; throws on a bad signature, expiry or malformed claims. */
  async verify(token: string): Promise<TokenClaims> {
    const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] })
    const c = Claims.parse(payload)
    return { id: c.sub, name: c.name, look: c.look, lang: c.lang, role: c.role }
  }
}

/** A fresh pseudonymous id: it says nothing about the person. */
export function newGuestId(): string {
  return 'g_' + randomBytes(9).toString('base64url')
}

/**
 * The configured secret, or in development one generated once and kept under `dataDir`
 * so that restarts (and other local processes) accept earlier tokens.
 */
export function resolveSecret(secret: string | undefined, dataDir: string): string {
  if (secret) return secret
  const file = join(dataDir, 'dev-secret')
  try {
    return readFileSync(file, 'utf8').trim()
  } catch {
    mkdirSync(dataDir, { recursive: true })
    const fresh = randomBytes(32).toString('base64url')
    writeFileSync(file, fresh, { mode: 0o600 })
    return fresh
  }
}

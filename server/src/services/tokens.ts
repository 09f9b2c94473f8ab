import { randomBytes, webcrypto } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { LangSchema, RoleSchema, SESSION, type TokenClaims } from '@atrium/common'
import { jwtVerify, SignJWT } from 'jose'
import { z } from 'zod'

const ISSUER = 'atrium'
const AUDIENCE = 'atrium-rooms'

const Claims = z.object({
  sub: z.string().min(1).max(64),
  name: z.string().min(1).max(64),
  look: z.number().int().min(0).max(255),
  lang: LangSchema,
  role: RoleSchema,
  sid: z.string().min(1).max(64).optional(),
})

/** Signs and verifies session tokens. One instance per process; all processes share the secret. */
export class TokenService {
  /** Imported once: handing jose raw bytes would re-import the key on every sign and verify. */
  private readonly key: Promise<webcrypto.CryptoKey>

  constructor(secret: string) {
    const raw = new TextEncoder().encode(secret)
    this.key = webcrypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])
  }

  /** Issues a guest token (a visit-long identity with no account behind it). */
  issueGuest(claims: Omit<TokenClaims, 'role' | 'sid'>): Promise<{ token: string; expiresAt: number }> {
    return this.sign({ ...claims, role: 'guest' }, SESSION.guestTtl)
  }

  /** Issues a short-lived access token for an account session. */
  issueAccess(claims: TokenClaims & { sid: string }): Promise<{ token: string; expiresAt: number }> {
    return this.sign(claims, SESSION.accessTtl)
  }

  private async sign(claims: TokenClaims, ttlSeconds: number): Promise<{ token: string; expiresAt: number }> {
    const exp = Math.floor(Date.now() / 1000) + ttlSeconds
    const body: Record<string, unknown> = { name: claims.name, look: claims.look, lang: claims.lang, role: claims.role }
    if (claims.sid) body.sid = claims.sid
    const token = await new SignJWT(body)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(exp)
      .sign(await this.key)
    return { token, expiresAt: exp * 1000 }
  }

  /** Verifies a token; throws on a bad signature, expiry or malformed claims. */
  async verify(token: string): Promise<TokenClaims> {
    const { payload } = await jwtVerify(token, await this.key, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    })
    const c = Claims.parse(payload)
    // account tokens always name their session, guest tokens never do
    if ((c.role === 'guest') !== (c.sid === undefined)) throw new Error('token role and session do not match')
    const claims: TokenClaims = { id: c.sub, name: c.name, look: c.look, lang: c.lang, role: c.role }
    if (c.sid) claims.sid = c.sid
    return claims
  }
}

/** A fresh random id with a type prefix (`g_` guest, `u_` account, `s_` session, `p_` plan). */
export function newId(prefix: 'g' | 'u' | 's' | 'p'): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`
}

/** A fresh pseudonymous guest id: it says nothing about the person. */
export function newGuestId(): string {
  return newId('g')
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

import { createHash, randomBytes, randomInt } from 'node:crypto'

import { INVITE_ALPHABET, SANDBOX_SESSION } from '@atrium/common'

/** A random id with a prefix, 16 url-safe characters of entropy (96 bits). */
export function sandboxId(prefix: 'sb' | 'sp'): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`
}

/** A member's pseudonym in one session: stable there, unlinkable across sessions, never the account id. */
export function memberPseudonym(sessionId: string, userId: string): string {
  return `m_${createHash('sha256').update(`${sessionId}:${userId}`).digest('base64url').slice(0, 12)}`
}

/** A fresh invite code from the unambiguous alphabet (8 characters, about 40 bits). */
export function inviteCode(): string {
  let code = ''
  for (let i = 0; i < SANDBOX_SESSION.inviteCodeLength; i++) code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)]
  return code
}

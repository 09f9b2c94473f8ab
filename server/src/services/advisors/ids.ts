import { createHash, randomBytes } from 'node:crypto'

/** No 0/O or 1/I, so references and invite codes survive being read out over the phone. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** Eight unambiguous characters (40 bits). */
export function readableCode(): string {
  let out = ''
  for (const b of randomBytes(8)) out += ALPHABET[b % ALPHABET.length]
  return out
}

/** An advisory session reference in the hand-off format (`H-…`), so it names a suite media room. */
export const sessionReference = (): string => `H-${readableCode()}`

/** Opaque row ids with a type prefix. */
export function rowId(prefix: 'sl' | 'ap' | 'fu'): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`
}

/** Invite codes are stored hashed: a copy of the table hands out no seats. */
export const hashCode = (code: string): string => createHash('sha256').update(code).digest('hex')

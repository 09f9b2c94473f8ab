import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/**
 * scrypt parameters. The default cost (N = 2^17, r = 8, p = 1, 128 MiB) is OWASP's recommended
 * minimum; `ATRIUM_SCRYPT_COST` lowers log2(N) for tests. Each hash records its own parameters,
 * so raising the cost later keeps old hashes verifiable.
 */
export interface ScryptParams {
  logN: number
  r: number
  p: number
}

export const DEFAULT_SCRYPT: ScryptParams = { logN: 17, r: 8, p: 1 }
const KEY_LENGTH = 32

/**
 * At most this many hashes run at once in a process. scrypt shares libuv's thread pool (4 threads)
 * with WebCrypto, which jose uses to check every token: with the pool full of hashes, every signed-in
 * request would wait for a hash to finish. Two also caps hashing memory at 2 × 128 MiB.
 */
const MAX_CONCURRENT_HASHES = 2
let running = 0
const waiting: (() => void)[] = []

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve))
  else running += 1
  try {
    return await work()
  } finally {
    const next = waiting.shift()
    if (next) next()
    else running -= 1
  }
}

function derive(password: string, salt: Buffer, { logN, r, p }: ScryptParams): Promise<Buffer> {
  const N = 2 ** logN
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }
  return withHashSlot(
    () =>
      new Promise((resolve, reject) =>
        scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
      ),
  )
}

/** Hashes a password as `scrypt$logN$r$p$salt$hash` (base64url). Runs on libuv's thread pool. */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, params)
  return ['scrypt', params.logN, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/** Constant-time check of a password against a stored hash; false for malformed hashes. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [logN, r, p] = parts.slice(1, 4).map(Number)
  if (!logN || !r || !p || logN > 20) return false
  const expected = Buffer.from(parts[5] ?? '', 'base64url')
  const key = await derive(password, Buffer.from(parts[4] ?? '', 'base64url'), { logN, r, p })
  return expected.length === key.length && timingSafeEqual(expected, key)
}

/**
 * A hash of a random password with the given parameters. Logins for unknown accounts verify
 * against it so they take as long as real ones and do not reveal which login ids exist.
 */
export function decoyHash(params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  return hashPassword(randomBytes(16).toString('base64url'), params)
}

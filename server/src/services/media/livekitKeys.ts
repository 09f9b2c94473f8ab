import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** A LiveKit API key and its secret. */
export interface LivekitKeys {
  apiKey: string
  apiSecret: string
}

/**
 * The configured keys, or in development the pair generated once and kept in `dataDir/livekit-dev-keys.json`
 * (the file scripts/livekit.mjs writes and gives the livekit-server it starts), like the dev session secret.
 */
export function resolveLivekitKeys(apiKey: string | undefined, apiSecret: string | undefined, dataDir: string) {
  if (apiKey && apiSecret) return { apiKey, apiSecret }
  const file = join(dataDir, 'livekit-dev-keys.json')
  try {
    const keys = JSON.parse(readFileSync(file, 'utf8')) as Partial<LivekitKeys>
    if (typeof keys.apiKey === 'string' && typeof keys.apiSecret === 'string') {
      return { apiKey: keys.apiKey, apiSecret: keys.apiSecret }
    }
  } catch {
    // missing or unreadable: make a new pair
  }
  mkdirSync(dataDir, { recursive: true })
  const keys: LivekitKeys = {
    apiKey: `dev_${randomBytes(6).toString('hex')}`,
    apiSecret: randomBytes(32).toString('base64url'),
  }
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 })
  return keys
}

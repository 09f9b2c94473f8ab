import { DEFAULT_MAX_CLIENTS, NET } from '@atrium/common'

/** Server settings, read once from the environment (see README "Configuration"). */
export interface ServerConfig {
  port: number
  host: string
  production: boolean
  /** Token signing secret; generated and kept in `dataDir` in development when unset. */
  secret: string | undefined
  dataDir: string
  /** Built client to serve; unset disables static serving. */
  staticDir: string | undefined
  maxClients: number
  reconnectSeconds: number
}

function int(value: string | undefined, fallback: number, min: number, max: number, name: string): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name} must be an integer between ${min} and ${max}, got "${value}"`)
  }
  return n
}

/** Builds the config from environment variables, failing clearly on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const production = env.NODE_ENV === 'production'
  const secret = env.ATRIUM_SECRET
  if (production && (!secret || secret.length < 32)) {
    throw new Error('ATRIUM_SECRET (at least 32 characters) is required when NODE_ENV=production')
  }
  return {
    port: int(env.PORT, 2567, 0, 65535, 'PORT'),
    host: env.HOST ?? '127.0.0.1',
    production,
    secret,
    dataDir: env.ATRIUM_DATA_DIR ?? 'data',
    staticDir: env.ATRIUM_STATIC_DIR,
    maxClients: int(env.ATRIUM_MAX_CLIENTS, DEFAULT_MAX_CLIENTS, 1, 1000, 'ATRIUM_MAX_CLIENTS'),
    reconnectSeconds: int(env.ATRIUM_RECONNECT_SECONDS, NET.reconnectSeconds, 0, 600, 'ATRIUM_RECONNECT_SECONDS'),
  }
}

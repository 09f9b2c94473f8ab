import { join } from 'node:path'

import { DEFAULT_MAX_CLIENTS, NET } from '@atrium/common'

import { DEFAULT_SCRYPT, type ScryptParams } from './services/accounts/passwords.ts'
import { DEFAULT_LIMITS, type HttpLimits } from './services/accounts/RequestLimiter.ts'

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
  /** PostgreSQL URL; unset uses SQLite at `sqlitePath`. */
  databaseUrl: string | undefined
  sqlitePath: string
  scrypt: ScryptParams
  limits: HttpLimits
  /** Create demo accounts on first start with an empty database (never in production). */
  demoAccounts: boolean
  /** Redis for Colyseus presence and the matchmaking driver; unset runs a single process in memory. */
  redisUrl: string | undefined
  /** `host:port` clients use to reach this process when rooms are spread over several processes. */
  publicAddress: string | undefined
  /** The digital host's knowledge base folder; unset uses assets/knowledge. */
  knowledgeDir: string | undefined
  /** The LiveKit media server; unset turns voice and video off. */
  livekit: LivekitConfig | undefined
  /** An OpenAI-compatible endpoint that rephrases the host's answers; off unless ATRIUM_LLM_URL is set. */
  llm: { baseUrl: string; model: string; apiKey?: string } | undefined
}

/** Where LiveKit is and how to sign for it. */
export interface LivekitConfig {
  /** WebSocket URL browsers connect to (`ws://` or `wss://`); also allowed by the Content-Security-Policy. */
  url: string
  /** HTTP URL this server calls the LiveKit API at; by default `url` with `http(s)://`. */
  apiUrl: string
  /** API key and secret; unset outside production uses the development pair kept in `dataDir`. */
  apiKey: string | undefined
  apiSecret: string | undefined
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
  if (production && env.ATRIUM_SCRYPT_COST && Number(env.ATRIUM_SCRYPT_COST) < DEFAULT_SCRYPT.logN) {
    throw new Error(`ATRIUM_SCRYPT_COST below ${DEFAULT_SCRYPT.logN} is for tests only, not for NODE_ENV=production`)
  }
  const dataDir = env.ATRIUM_DATA_DIR ?? 'data'
  const livekit = livekitConfig(env, production)
  const demo = env.ATRIUM_DEMO_ACCOUNTS !== '0'
  return {
    port: int(env.PORT, 2567, 0, 65535, 'PORT'),
    host: env.HOST ?? '127.0.0.1',
    production,
    secret,
    dataDir,
    staticDir: env.ATRIUM_STATIC_DIR,
    maxClients: int(env.ATRIUM_MAX_CLIENTS, DEFAULT_MAX_CLIENTS, 1, 1000, 'ATRIUM_MAX_CLIENTS'),
    reconnectSeconds: int(env.ATRIUM_RECONNECT_SECONDS, NET.reconnectSeconds, 0, 600, 'ATRIUM_RECONNECT_SECONDS'),
    databaseUrl: env.DATABASE_URL || undefined,
    sqlitePath: env.ATRIUM_DB_PATH ?? join(dataDir, 'atrium.db'),
    scrypt: { ...DEFAULT_SCRYPT, logN: int(env.ATRIUM_SCRYPT_COST, DEFAULT_SCRYPT.logN, 10, 20, 'ATRIUM_SCRYPT_COST') },
    limits: {
      loginPerMinute: int(
        env.ATRIUM_LOGIN_PER_MINUTE,
        DEFAULT_LIMITS.loginPerMinute,
        1,
        1_000_000,
        'ATRIUM_LOGIN_PER_MINUTE',
      ),
      registerPerHour: int(
        env.ATRIUM_REGISTER_PER_HOUR,
        DEFAULT_LIMITS.registerPerHour,
        1,
        1_000_000,
        'ATRIUM_REGISTER_PER_HOUR',
      ),
      writesPerMinute: int(
        env.ATRIUM_WRITES_PER_MINUTE,
        DEFAULT_LIMITS.writesPerMinute,
        1,
        1_000_000,
        'ATRIUM_WRITES_PER_MINUTE',
      ),
    },
    demoAccounts: !production && demo,
    redisUrl: env.REDIS_URL || undefined,
    publicAddress: env.ATRIUM_PUBLIC_ADDRESS || undefined,
    knowledgeDir: env.ATRIUM_KNOWLEDGE_DIR || undefined,
    livekit,
    llm: env.ATRIUM_LLM_URL
      ? {
          baseUrl: env.ATRIUM_LLM_URL,
          model: env.ATRIUM_LLM_MODEL ?? 'gpt-4o-mini',
          ...(env.ATRIUM_LLM_KEY ? { apiKey: env.ATRIUM_LLM_KEY } : {}),
        }
      : undefined,
  }
}

/** ATRIUM_LIVEKIT_URL, LIVEKIT_API_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET; keys are required in production. */
function livekitConfig(env: NodeJS.ProcessEnv, production: boolean): LivekitConfig | undefined {
  const url = env.ATRIUM_LIVEKIT_URL || undefined
  const apiKey = env.LIVEKIT_API_KEY || undefined
  const apiSecret = env.LIVEKIT_API_SECRET || undefined
  if (!url) return undefined
  if (!/^wss?:\/\/[^\s/'";]+(\/[^\s'";]*)?$/.test(url)) {
    throw new Error(`ATRIUM_LIVEKIT_URL must be a ws:// or wss:// URL, got "${url}"`)
  }
  if (production && (!apiKey || !apiSecret || apiSecret.length < 32)) {
    throw new Error(
      'LIVEKIT_API_KEY and LIVEKIT_API_SECRET (at least 32 characters) are required with ATRIUM_LIVEKIT_URL when NODE_ENV=production',
    )
  }
  if (Boolean(apiKey) !== Boolean(apiSecret))
    throw new Error('set both LIVEKIT_API_KEY and LIVEKIT_API_SECRET, or neither')
  const apiUrl = env.LIVEKIT_API_URL || url.replace(/^ws/, 'http')
  if (!/^https?:\/\/\S+$/.test(apiUrl)) throw new Error(`LIVEKIT_API_URL must be an http(s) URL, got "${apiUrl}"`)
  return { url, apiUrl, apiKey, apiSecret }
}

/** A loopback configuration on a throwaway data folder for tests and benchmarks: free port, no demo accounts. */
export function isolatedConfig(dataDir: string, overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    dataDir,
    sqlitePath: join(dataDir, 'atrium.db'),
    demoAccounts: false,
    ...overrides,
  }
}

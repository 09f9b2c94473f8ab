import { LocalPresence } from '@colyseus/core'

import { loadConfig } from '../config.ts'
import { openDatabase } from '../db/database.ts'
import { createServices, type Services } from '../services/createServices.ts'
import { loadHostBrain } from '../services/host/loadBrain.ts'
import { resolveSecret, TokenService } from '../services/tokens.ts'

/**
 * Opens the same database the server would (DATABASE_URL or ATRIUM_DATA_DIR/ATRIUM_DB_PATH) for
 * command-line tools. Sessions are checked against the database on every request, so revocations
 * made here take effect in running servers at once.
 */
export async function openServicesFromEnv(): Promise<Services> {
  const config = loadConfig()
  const db = await openDatabase({ url: config.databaseUrl, sqlitePath: config.sqlitePath, poolSize: 2 })
  const tokens = new TokenService(resolveSecret(config.secret, config.dataDir))
  return createServices(db, new LocalPresence(), tokens, {
    scrypt: config.scrypt,
    limits: config.limits,
    brain: () => loadHostBrain(config.knowledgeDir),
  })
}

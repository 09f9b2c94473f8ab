import { resolve } from 'node:path'

import { createAtriumServer } from './app.ts'
import { loadConfig } from './config.ts'

/** Entry point: `npm start` builds the client and runs this with ATRIUM_STATIC_DIR set. */
async function main(): Promise<void> {
  const config = loadConfig()
  const server = await createAtriumServer(config)
  const port = await server.listen()
  if (server.demoAccounts) console.log(server.demoAccounts.join('\n'))
  console.log(`  data: ${server.services.db.where}`)
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host
  console.log(`Atrium is open at http://${host}:${port}/`)
  if (config.staticDir) console.log(`  serving the client from ${resolve(config.staticDir)}`)
  const stop = () => {
    console.log('Atrium is closing…')
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})

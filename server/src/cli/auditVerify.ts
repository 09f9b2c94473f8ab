import { openServicesFromEnv } from './openFromEnv.ts'

/** `npm run audit:verify`: checks the whole chain; exits 1 and names the first broken entry. */
const services = await openServicesFromEnv()
try {
  const result = await services.audit.verify()
  if (result.ok) {
    console.log(`audit trail OK: ${result.entries} entries, chain intact (${services.db.where})`)
  } else {
    const b = result.firstBroken
    console.error(`audit trail BROKEN at entry #${b?.seq}: ${b?.reason} (${result.entries} entries verified before it)`)
    process.exitCode = 1
  }
} finally {
  await services.db.close()
}

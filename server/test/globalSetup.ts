import type { TestProject } from 'vitest/node'

import { startPostgres } from '../../scripts/postgres.mjs'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the throwaway PostgreSQL cluster this run started; tests create their databases there. */
    pgAdminUrl: string
  }
}

/**
 * Starts one throwaway PostgreSQL cluster for the whole server project and stops it afterwards. As root it installs
 * Debian's `postgresql` when missing. A run without PostgreSQL fails here on purpose: the PostgreSQL half of the
 * suite must never be skipped silently.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const pg = await startPostgres({ install: process.getuid?.() === 0 })
  project.provide('pgAdminUrl', pg.adminUrl)
  return () => pg.stop()
}

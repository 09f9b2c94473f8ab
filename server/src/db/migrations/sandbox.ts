import type { Migration } from 'kysely'

import type { Dialect } from '../migrations.ts'

/**
 * Migrations for shared wealth-sandbox sessions: members, proposals, accepted changes.
 * Keys start with `005_sandbox` so they run after the core ones; dialect differences are spelled out here.
 */
export function sandboxMigrations(dialect: Dialect): Record<string, Migration> {
  void dialect
  return {}
}

import type { Migration } from 'kysely'

import type { Dialect } from '../migrations.ts'

/**
 * Migrations for live advisors: queue, appointments, suites, notes, follow-ups, summaries, complaint escalation.
 * Keys start with `003_advisors` so they run after the core ones; dialect differences are spelled out here.
 */
export function advisorMigrations(dialect: Dialect): Record<string, Migration> {
  void dialect
  return {}
}

import type { Migration } from 'kysely'

import type { Dialect } from '../migrations.ts'

/**
 * Migrations for investor-education events: events, registrations, Q&A, polls, chat, attendance, certificates.
 * Keys start with `004_events` so they run after the core ones; dialect differences are spelled out here.
 */
export function eventMigrations(dialect: Dialect): Record<string, Migration> {
  void dialect
  return {}
}

/** Table types for investor-education events (migration 004_events); merged into `Database` in schema.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EventTables {}

/** Table types for live advisors (migration 003_advisors); merged into `Database` in schema.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AdvisorTables {}

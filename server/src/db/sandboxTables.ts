/** Table types for shared wealth-sandbox sessions (migration 005_sandbox); merged into `Database` in schema.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SandboxTables {}

/** Investor-education events: room names, message names with zod validators, HTTP bodies (issue 8). */
export * from './AuditoriumState.ts'
export type * from './dataExport.ts'
export * from './http.ts'
export * from './limits.ts'
export * from './messages.ts'

/** Live advisors: room names, message names with zod validators, HTTP bodies (issue 7). */
export * from './appointments.ts'
export * from './complaints.ts'
export * from './queue.ts'
export * from './sessions.ts'
export * from './suiteMessages.ts'
export * from './SuiteState.ts'
export * from './dataExport.ts'

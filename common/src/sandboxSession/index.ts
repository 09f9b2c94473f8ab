/** Shared wealth-sandbox sessions: plan data, room name, messages, state and zod validators (issue 5). */
export * from './allocation.ts'
export * from './planData.ts'
export * from './protocol.ts'
export * from './SandboxState.ts'

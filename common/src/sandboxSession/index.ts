/** Shared wealth-sandbox sessions: room name, messages with zod validators (issue 5). */
export {}

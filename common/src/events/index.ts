/** Investor-education events: room names, message names with zod validators, HTTP bodies (issue 8). */
export {}

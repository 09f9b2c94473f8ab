/** Live advisors: room names, message names with zod validators, HTTP bodies (issue 7). */
export {}

/** A refusal specific to live advisors, with the HTTP status and code the routes answer with. */
export class AdvisorError extends Error {
  constructor(
    readonly status: 404 | 409 | 410 | 400,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** A waiting customer or an open slot was just taken by someone else (two advisors, two customers). */
export const taken = (what: string) => new AdvisorError(409, 'already_taken', `${what} was already taken`)

/** Nothing to see: unknown, or not the caller's (never says which, so ids cannot be probed). */
export const notFound = (what: string) => new AdvisorError(404, 'not_found', `no such ${what}`)

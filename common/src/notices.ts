import { z } from 'zod'

/**
 * A notice for one signed-in person's open pages, pushed by the server through the branch room they are in (any
 * process: it travels over Colyseus presence). Notices only prompt the client to refetch or to show a button; what
 * they name is read again through the HTTP API, so a notice carries nothing private.
 */
export const UserNotice = z.discriminatedUnion('kind', [
  /** An advisor accepted the customer's request or started their appointment: the suite is ready. */
  z.strictObject({ kind: z.literal('suite.ready'), reference: z.string().max(32) }),
])
export type UserNotice = z.infer<typeof UserNotice>

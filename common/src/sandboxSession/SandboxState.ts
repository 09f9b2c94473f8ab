import { schema, type SchemaType } from '@colyseus/schema'

/**
 * One member of a shared sandbox session. Fields only. `id` is a pseudonym derived from the session and the
 * account, so members never learn each other's account ids.
 */
export const SandboxMember = schema(
  {
    id: 'string',
    name: 'string',
    /** owner | advisor | family */
    role: 'string',
    online: 'boolean',
  },
  'SandboxMember',
)
export type SandboxMember = SchemaType<typeof SandboxMember>

/** A change proposed by a member other than the owner, waiting for the owner's decision. */
export const SandboxProposal = schema(
  {
    id: 'string',
    authorId: 'string',
    authorName: 'string',
    /** The proposed plan as canonical JSON of SandboxPlanData (read it with parsePlanData). */
    plan: 'string',
    /** The proposed plan's risk level (R1…R5). */
    risk: 'string',
    note: 'string',
    createdAt: 'float64',
  },
  'SandboxProposal',
)
export type SandboxProposal = SchemaType<typeof SandboxProposal>

/**
 * The shared state of one sandbox session. The plan travels as canonical JSON: it changes a few times a minute at
 * most, and every member validates it with the same schema the server used.
 */
export const SandboxState = schema(
  {
    sessionId: 'string',
    name: 'string',
    /** Bumped on every applied change. */
    version: 'uint32',
    plan: 'string',
    risk: 'string',
    members: { map: SandboxMember },
    proposals: { map: SandboxProposal },
  },
  'SandboxState',
)
export type SandboxState = SchemaType<typeof SandboxState>
